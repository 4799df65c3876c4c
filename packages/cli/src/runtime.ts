/** What every command needs: configuration, an open and prepared database, and clean exits. */
import { createContext, loadConfig, openDatabase, prepareDatabase, type AppContext, type Config } from '@anju/server';

export async function withContext<T>(fn: (ctx: AppContext, config: Config) => Promise<T>, options: { quiet?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database, options.quiet ? undefined : (line) => console.error(line));
    return await fn(createContext(database, config), config);
  } finally {
    await database.close();
  }
}

/** Commands fail with the reason on stderr and a non-zero exit code. */
export function fail(message: string, code = 1): never {
  console.error(`错误：${message}`);
  process.exit(code);
}
