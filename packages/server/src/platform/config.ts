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
  /**
   * Which X-Forwarded-For to believe: none (false), the last N hops, or only these proxy
   * addresses. Believing every client let it choose the address that rate limits and the audit
   * log see (finding 13.8).
   */
  trustProxy: false | number | string[];
  /** Key of the audit checkpoints' HMAC; unset: a key file in dataDir (audit-checkpoints.ts). */
  auditKey?: string;
  /** Where the signed audit checkpoints go; unset: dataDir/audit-checkpoints.jsonl. */
  auditCheckpointFile?: string;
  auditCheckpointMinutes: number;
  /** An import running longer than this is aborted. */
  importTimeoutMinutes: number;
  /** An import whose file yields no row for this long is aborted (a reader waiting for bytes). */
  importStallSeconds: number;
  /** Imports at once in this process; each may hold one of the pool's 8 connections. */
  importsMax: number;
  importsPerUser: number;
  /** Uploaded ledgers and their error files are deleted after this many days. */
  uploadRetentionDays: number;
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`环境变量 ${name} 须为正整数，实际为 "${raw}"`);
  return value;
}

/** Half the PostgreSQL pool (8): imports must leave connections for people using the system. */
function importsMax(value: number): number {
  if (value > 4) throw new Error(`环境变量 ANJU_IMPORTS_MAX 最大为 4（数据库连接池共 8 个连接，须给在线用户留出一半），实际为 ${value}`);
  return value;
}

function trustProxyEnv(raw: string | undefined): false | number | string[] {
  if (raw === undefined || raw.trim() === '') return false;
  if (/^\d+$/.test(raw.trim())) return Number(raw);
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.some((s) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(s))) {
    throw new Error(`环境变量 ANJU_TRUST_PROXY 须为代理层数或以逗号分隔的代理地址，实际为 "${raw}"`);
  }
  return list;
}

function auditKeyEnv(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new Error('环境变量 ANJU_AUDIT_KEY 须至少32个字符');
  return raw;
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
    trustProxy: trustProxyEnv(env.ANJU_TRUST_PROXY),
    auditKey: auditKeyEnv(env.ANJU_AUDIT_KEY),
    auditCheckpointFile: env.ANJU_AUDIT_CHECKPOINT_FILE || undefined,
    auditCheckpointMinutes: intEnv(env, 'ANJU_AUDIT_CHECKPOINT_MINUTES', 10),
    importTimeoutMinutes: intEnv(env, 'ANJU_IMPORT_TIMEOUT_MINUTES', 30),
    importStallSeconds: intEnv(env, 'ANJU_IMPORT_STALL_SECONDS', 120),
    importsMax: importsMax(intEnv(env, 'ANJU_IMPORTS_MAX', 3)),
    importsPerUser: intEnv(env, 'ANJU_IMPORTS_PER_USER', 1),
    uploadRetentionDays: intEnv(env, 'ANJU_UPLOAD_RETENTION_DAYS', 30),
  };
}
