/**
 * The imports this process runs. Each holds the database for its checks and merge, so they are
 * bounded — at most `importsMax` at once and `importsPerUser` per user (configuration) — and
 * interactive requests keep the rest of the pool; more are refused with a message, not queued.
 * Each running job carries this process's name and a heartbeat, so that a restart fails only the
 * jobs whose process is gone, and a shutdown can abort them. (Issue 14 moves imports onto durable
 * jobs; this is the in-process part they need until then.)
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { TooManyRequestsError } from '../../platform/errors.js';
import * as jobs from './import-job-repo.js';
import { ImportWatch } from './import-watch.js';

/** Who runs a job: host, process id and a random part (a restarted container reuses its pid). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
export const HEARTBEAT_MS = 30_000;

interface Tracked {
  watch: ImportWatch;
  finished: Promise<void>;
}

interface Registry {
  /** Reserved or running imports per user key, for the limits. */
  slots: Map<symbol, string>;
  running: Map<string, Tracked>;
  /** What to do, by job, as soon as its result is known: give the reserved place back, say. */
  bound: Map<string, (status: string) => Promise<void>>;
  heartbeat?: NodeJS.Timeout;
}

// Keyed by the database: one registry per open database, shared by every context made over it.
const registries = new WeakMap<object, Registry>();

function registryOf(ctx: AppContext): Registry {
  let registry = registries.get(ctx.database);
  if (!registry) registries.set(ctx.database, (registry = { slots: new Map(), running: new Map(), bound: new Map() }));
  return registry;
}

/** Takes a place for one import of this actor, or refuses; call the result when the import has ended. */
export function reserveImport(ctx: AppContext, actor: Actor): () => void {
  const registry = registryOf(ctx);
  const user = actor.userId ?? actor.username;
  const mine = [...registry.slots.values()].filter((u) => u === user).length;
  if (mine >= ctx.config.importsPerUser) {
    throw new TooManyRequestsError(`您已有 ${mine} 个导入正在进行（每人同时最多 ${ctx.config.importsPerUser} 个），请等它结束后再上传`);
  }
  if (registry.slots.size >= ctx.config.importsMax) {
    throw new TooManyRequestsError(`系统正在进行 ${registry.slots.size} 个导入（同时最多 ${ctx.config.importsMax} 个），请稍后再试`);
  }
  const key = Symbol(user);
  registry.slots.set(key, user);
  return () => void registry.slots.delete(key);
}

/** Runs `onSettled` with the job's status when the job settles (see trackImport). */
export function onSettled(ctx: AppContext, jobId: string, onSettled: (status: string) => Promise<void>): void {
  registryOf(ctx).bound.set(jobId, onSettled);
}

/**
 * Registers a running job under its watch. `settle` runs what was bound with onSettled: call it
 * just before the job's result is written, so a client that sees the result finds its place free
 * and its upload gone. `untrack` ends the tracking after that write. Keeps the heartbeat going.
 */
export function trackImport(ctx: AppContext, jobId: string): { watch: ImportWatch; settle: (status: string) => Promise<void>; untrack: () => void } {
  const registry = registryOf(ctx);
  const watch = new ImportWatch({ timeLimitMs: ctx.config.importTimeoutMinutes * 60_000, stallMs: ctx.config.importStallSeconds * 1000 });
  let done = () => undefined as void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  registry.running.set(jobId, { watch, finished });
  registry.heartbeat ??= setInterval(() => void jobs.heartbeat(ctx.db, INSTANCE_ID).catch(() => undefined), HEARTBEAT_MS).unref();
  const settle = async (status: string) => {
    const bound = registry.bound.get(jobId);
    registry.bound.delete(jobId);
    await bound?.(status);
  };
  return {
    watch,
    settle,
    untrack() {
      watch.stop();
      registry.running.delete(jobId);
      if (registry.running.size === 0) {
        clearInterval(registry.heartbeat);
        registry.heartbeat = undefined;
      }
      done();
    },
  };
}

/** Aborts every running import with `reason` and resolves when each has recorded its end. */
export async function abortImports(ctx: AppContext, reason: string): Promise<void> {
  const running = [...registryOf(ctx).running.values()];
  for (const r of running) r.watch.abort(reason);
  await Promise.all(running.map((r) => r.finished));
}

export function runningImportIds(ctx: AppContext): string[] {
  return [...registryOf(ctx).running.keys()];
}
