/**
 * End-to-end harness: the real server (API + built web app) on a free port over a fresh database
 * with a small deterministic demo county, and Debian's Chromium driven by playwright-core.
 * Screenshots go to e2e-artifacts/ (kept after the run, so a failing journey can be looked at).
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../packages/server/src/app.js';
import { createContext } from '../packages/server/src/platform/context.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { webDistDir } from '../packages/server/src/platform/web-static.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../packages/server/src/features/demo-seed/demo-seed.js';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';

export const ARTIFACTS = resolve(import.meta.dirname, '../e2e-artifacts');
export { DEMO_PASSWORD };

export interface E2eServer {
  url: string;
  close(): Promise<void>;
  /** The server's clock: null is the real time; a journey that needs time to pass sets it. */
  clock: { now: Date | null };
}

/** `now` starts the server's clock at that moment (the demo ledger is seeded up to it). */
export async function startServer(options: { now?: Date } = {}): Promise<E2eServer> {
  const clock = { now: options.now ?? null };
  const webDir = webDistDir();
  if (!webDir) throw new Error('packages/web/dist is missing: run `npm run build -w @anju/web` (npm install does it)');
  const tdb: TestDatabase = await createTestDatabase();
  const config = { ...loadConfig({}), dataDir: await mkdtemp(join(tmpdir(), 'anju-e2e-')) };
  const ctx = createContext(tdb.database, config, () => clock.now ?? new Date());
  await seedDemoIfEmpty(ctx, { persons: 1500, seed: 7, province: '52' }, () => undefined);
  const app = await buildApp(ctx, { webDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clock,
    async close() {
      await app.close();
      await tdb.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
