/**
 * Validated rows go to a local file first and only then through COPY. Streaming the parse
 * straight into COPY held a pool connection for as long as the file took to read — for ever on
 * a truncated .xlsx, and eight of those took all of PostgreSQL's pool, login included. Reading a
 * local file of finished CSV lines cannot stall, so COPY holds its connection only for the load.
 * The file holds personal data: the runner deletes it, and a start deletes any a crash left.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../platform/context.js';
import { batched } from '../../db/copy.js';

export function spoolDir(ctx: AppContext): string {
  return join(ctx.config.dataDir, 'import-spool');
}

export function spoolPath(ctx: AppContext, jobId: string): string {
  return join(spoolDir(ctx), `job-${jobId}.csv`);
}

/** The job a spool file belongs to, from its name. */
export function spoolJobId(fileName: string): string | undefined {
  return /^job-(\d+)\.csv$/.exec(fileName)?.[1];
}

export async function spoolLines(path: string, lines: AsyncIterable<string>): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await pipeline(Readable.from(batched(lines)), createWriteStream(path, { mode: 0o600 }));
}

/** The spooled CSV back, in chunks decoded as whole characters. */
export async function* spooledLines(path: string): AsyncGenerator<string> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 262_144 })) yield chunk as string;
}
