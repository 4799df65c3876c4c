import type { AppContext } from './platform/context.js';
import { buildApp } from './app.js';
import { webDistDir } from './platform/web-static.js';
import { scheduleMonitor } from './features/monitoring/monitor-schedule.js';

export async function startServer(ctx: AppContext, options: { logger?: boolean } = {}) {
  const app = await buildApp(ctx, { logger: options.logger, webDir: webDistDir() });
  // Hooks must be added before listening; the schedule starts once the server is up.
  let stop = () => undefined as void;
  app.addHook('onClose', async () => stop());
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  stop = scheduleMonitor(ctx, (line) => app.log.info(line));
  return app;
}
