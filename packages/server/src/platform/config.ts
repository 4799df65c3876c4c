/** Configuration from the environment; every knob has a default that runs a demo county. */
export interface Config {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
  idleTimeoutMinutes: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  /** Secure cookies need HTTPS; off for the local demo on http://127.0.0.1. */
  secureCookies: boolean;
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`环境变量 ${name} 须为正整数，实际为 "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.ANJU_DATA_DIR || './data',
    port: intEnv(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    idleTimeoutMinutes: intEnv(env, 'ANJU_IDLE_TIMEOUT_MINUTES', 30),
    lockoutAttempts: intEnv(env, 'ANJU_LOCKOUT_ATTEMPTS', 5),
    lockoutMinutes: intEnv(env, 'ANJU_LOCKOUT_MINUTES', 15),
    secureCookies: env.ANJU_SECURE_COOKIES === '1',
  };
}
