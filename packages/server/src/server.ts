import type { FastifyInstance } from 'fastify';
import type { AppContext } from './platform/context.js';
import { buildApp } from './app.js';
import { webDistDir } from './platform/web-static.js';
import { scheduleMonitor } from './features/monitoring/monitor-schedule.js';
import { scheduleAuditCheckpoints } from './features/audit/audit-anchor.js';
import { scheduleImportRecovery } from './features/imports/import-recovery.js';
import { abortImports } from './features/imports/import-registry.js';

export const SHUTDOWN_REASON = '服务关闭，导入中止';
/** A shutdown waits this long for imports to record their end and requests to finish, then goes on. */
export const SHUTDOWN_GRACE_MS = 5000;

/** `log`: where start-up and maintenance lines go (the CLI prints them); default the app's logger. */
export async function startServer(ctx: AppContext, options: { logger?: boolean; log?: (line: string) => void } = {}) {
  const app = await buildApp(ctx, { logger: options.logger, webDir: webDistDir() });
  // Signed checkpoints of the audit chain outside the database, from the start on.
  const stopCheckpoints = scheduleAuditCheckpoints(ctx, (line) => app.log.error(line));
  app.addHook('onClose', async () => stopCheckpoints());
  const log = options.log ?? ((line: string) => app.log.info(line));
  // Only the server recovers imports: a CLI command must not fail the jobs a server is running.
  const stopRecovery = await scheduleImportRecovery(ctx, log);
  // Hooks must be added before listening; the schedule starts once the server is up.
  let stop = () => undefined as void;
  app.addHook('onClose', async () => {
    stop();
    stopRecovery();
  });
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  stop = scheduleMonitor(ctx, log);
  return app;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Stops a server in seconds: the listener first (no new work), running imports aborted (each ends
 * `failed` with SHUTDOWN_REASON), then the pool. A stalled import used to keep its connection, so
 * closing the pool waited for ever and the process never exited after SIGTERM; nothing here waits
 * longer than the grace period.
 */
export async function shutdownServer(app: FastifyInstance, ctx: AppContext, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const closing = app.close();
  await within(abortImports(ctx, SHUTDOWN_REASON), graceMs);
  await within(closing, graceMs);
  await within(ctx.database.close(), graceMs);
}
