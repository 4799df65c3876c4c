import type { Kysely } from 'kysely';
import type { Database } from '../db/connection.js';
import type { DB } from '../db/schema.js';
import type { Config } from './config.js';

/** What every service needs; the clock is injectable so tests control time. */
export interface AppContext {
  database: Database;
  db: Kysely<DB>;
  config: Config;
  now(): Date;
}

export function createContext(database: Database, config: Config, now: () => Date = () => new Date()): AppContext {
  return { database, db: database.db, config, now };
}
