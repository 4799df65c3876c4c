/**
 * Serves the built web app (packages/web/dist) from the same server; registerNotFound sends
 * index.html for any other non-API path so the browser router can take it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export function webDistDir(): string | undefined {
  const here = path.dirname(createRequire(import.meta.url).resolve('@anju/server'));
  const dir = path.resolve(here, '../../web/dist');
  return existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

export async function registerWeb(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, { root: dir, wildcard: false, maxAge: '1h' });
}
