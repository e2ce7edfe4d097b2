import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = (protocols: RegExp) =>
  z.preprocess(emptyToUndefined, z.string().regex(protocols, 'unsupported URL scheme').optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl(/^rediss?:\/\//),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]*$/).default('gov:'),
  SIGNUP: z.preprocess(emptyToUndefined, z.enum(['open', 'closed']).optional()),
  ADMIN_TOKEN: z.preprocess(emptyToUndefined, z.string().min(24, 'ADMIN_TOKEN must be at least 24 characters').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(5000).default(5000),
  DEMO_TENANT: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  DEFAULT_CHEAP_MODEL: z.string().default('sim/sim-small'),
  DEFAULT_STRONG_MODEL: z.string().default('sim/sim-large'),
  BUDGET_FAIL_MODE: z.enum(['closed', 'open']).default('closed'),
  STRIPE_SECRET_KEY: optionalString,
});

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dataDir: string;
  /** Embedded mode: PGlite under dataDir and an in-process store. */
  embedded: boolean;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  signupOpen: boolean;
  adminToken: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  keyCacheTtlMs: number;
  demoTenant: boolean;
  defaultModels: { cheap: string; strong: string };
  /** When the budget store is unreachable: refuse (closed) or admit unguarded (open). */
  budgetFailMode: 'closed' | 'open';
};

export class ConfigError extends Error {}

/** The only reader of process.env. Fails at boot with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  if (e.NODE_ENV === 'production' && (!e.DATABASE_URL || !e.REDIS_URL)) {
    throw new ConfigError(
      'NODE_ENV=production needs DATABASE_URL and REDIS_URL: the embedded store (PGlite, in-process counters) is for development only.',
    );
  }
  const signupOpen = (e.SIGNUP ?? (embedded ? 'open' : 'closed')) === 'open';
  if (!signupOpen && !e.ADMIN_TOKEN) {
    throw new ConfigError('SIGNUP=closed needs ADMIN_TOKEN, or nobody could create a tenant.');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    embedded,
    databaseUrl: e.DATABASE_URL,
    dbPoolMax: e.DB_POOL_MAX,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    signupOpen,
    adminToken: e.ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    keyCacheTtlMs: e.KEY_CACHE_TTL_MS,
    demoTenant: (e.DEMO_TENANT ?? (embedded ? 'true' : 'false')) === 'true',
    defaultModels: { cheap: e.DEFAULT_CHEAP_MODEL, strong: e.DEFAULT_STRONG_MODEL },
    budgetFailMode: e.BUDGET_FAIL_MODE,
  };
}
