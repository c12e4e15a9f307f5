import path from 'node:path';
import { z } from 'zod';

/** Environment of a zhibu process, parsed once and cached. */
const EnvSchema = z.object({
  /** PostgreSQL URL; unset = embedded PGlite in ZHIBU_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Data directory for the embedded database, key file and attachments. */
  ZHIBU_DATA_DIR: z.string().default('./data'),
  /** HTTP port. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Host to bind. */
  HOST: z.string().default('0.0.0.0'),
  /** Secret for ID-number encryption and keyed hashes (≥ 32 chars). Generated into the data dir when unset. */
  ZHIBU_SECRET: z.string().min(32, 'ZHIBU_SECRET 至少 32 个字符').optional(),
  /** Idle minutes before a session expires. */
  ZHIBU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  /** Demo mode: show demo accounts on the login page. Defaults to on for the embedded DB. */
  ZHIBU_DEMO: z.enum(['0', '1']).optional(),
  /** Login attempts allowed per client address per minute. */
  ZHIBU_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Pool size for PostgreSQL. */
  ZHIBU_PG_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** Log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  secret: string | undefined;
  sessionIdleMinutes: number;
  demo: boolean;
  pgPool: number;
  loginRateLimit: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
};

let cached: Config | undefined;

/** Parses the environment, reporting every invalid variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (cached && env === process.env) return cached;
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: Config = {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ZHIBU_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    secret: e.ZHIBU_SECRET,
    sessionIdleMinutes: e.ZHIBU_SESSION_IDLE_MINUTES,
    demo: e.ZHIBU_DEMO ? e.ZHIBU_DEMO === '1' : !e.DATABASE_URL,
    pgPool: e.ZHIBU_PG_POOL,
    loginRateLimit: e.ZHIBU_LOGIN_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
  };
  if (env === process.env) cached = config;
  return config;
}

/** Forget the cached config (tests). */
export function resetConfigForTests(): void {
  cached = undefined;
}
