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

/**
 * China keeps one time zone (UTC+8, no summer time), so a user's working day is the UTC+8 date:
 * before 08:00 Beijing time the UTC date is still yesterday's. Every "today" of the server is this.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function today(ctx: AppContext): string {
  return new Date(ctx.now().getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
