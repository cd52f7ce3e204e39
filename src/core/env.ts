import path from 'node:path'
import { z } from 'zod'

/**
 * Every setting Atrium reads from the environment, parsed once with zod.
 * A bad value stops start-up with a message naming the variable.
 */
const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes')

const optionalUrl = z.string().url().optional()

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }
/** A size as Next's `bodySizeLimit` takes it: bytes, or a number with kb / mb / gb (`1mb`, `500kb`). */
const byteSize = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'must be a size such as 1048576, 500kb, 1mb or 2gb')
  .transform((v) => {
    const [, n, unit = 'b'] = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(v)!
    return Math.floor(Number(n) * UNITS[unit.toLowerCase() || 'b'])
  })

const BUILD_PHASE = 'phase-production-build'

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** PostgreSQL connection string; when unset the embedded server in DATA_DIR/postgres is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
    /** Port of the embedded PostgreSQL (kept off 5432, where a system server may listen). */
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    /** Where local state lives: embedded database, uploaded media, written mail. */
    DATA_DIR: z.string().default('.data'),
    /** Signs sessions; required (32+ characters) in production. */
    PAYLOAD_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * Keys for secrets at rest: `keyId:base64(32 bytes)` pairs, comma separated; the first encrypts,
     * all decrypt (rotation). Defaults to a key derived from PAYLOAD_SECRET outside production.
     */
    ENCRYPTION_KEYS: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/,
        'must be keyId:base64key pairs separated by commas (32-byte keys)',
      )
      .optional(),
    /** Public URL of this app, used in links in mail and for CORS/CSRF. */
    SERVER_URL: z.string().url().default('http://localhost:3000'),
    /** Tenants answer on `<slug>.<ROOT_DOMAIN>` besides their own domains. */
    ROOT_DOMAIN: z.string().default('localhost'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Redis for key-value (rate limits, caches); Payload's database KV when unset. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
    /** S3-compatible storage for media; local disk under DATA_DIR/media when S3_BUCKET is unset. */
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().default('auto'),
    S3_ENDPOINT: optionalUrl,
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** SMTP for mail; mail is written to DATA_DIR/mail when SMTP_HOST is unset. */
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_USER: z.string().optional(),
    SMTP_PASS: z.string().optional(),
    MAIL_FROM: z.string().default('Atrium <no-reply@atrium.local>'),
    /** Run queued and scheduled jobs inside the web process (development default). */
    JOBS_AUTORUN: bool.optional(),
    /**
     * A job marked processing for longer than this is taken to belong to a worker that died
     * (SIGKILL, lost host) and is run again; jobs must finish well within it.
     */
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).default(300),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Login hardening. */
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(10),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /** Largest JSON (or other non-multipart) request body and server-action body; larger ones get 413. */
    JSON_BODY_LIMIT: byteSize.default(1024 ** 2),
    /** Largest uploaded file other than video (images, audio, documents). */
    UPLOAD_FILE_LIMIT: byteSize.default(25 * 1024 ** 2),
    /** Largest uploaded video; uploads are streamed to temporary files, never held in memory. */
    VIDEO_FILE_LIMIT: byteSize.default(1024 ** 3),
    /** PostgreSQL: how long to wait for a connection, and the longest statement, before answering 503. */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30000),
    /** Stripe (platform account, Connect); without a key billing stays manual (pay at the desk). */
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_... or rk_...)')
      .optional(),
    /** Signing secret of the Connect webhook endpoint (whsec_...). */
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    /** Where the Stripe SDK sends requests; only tests and local fakes set these. */
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
    /**
     * The SEO writer: any OpenAI-compatible chat-completions endpoint (e.g. https://api.openai.com/v1,
     * a local Ollama or vLLM at http://127.0.0.1:11434/v1); the offline template writer when unset.
     */
    WRITER_BASE_URL: optionalUrl,
    WRITER_API_KEY: z.string().optional(),
    WRITER_MODEL: z.string().min(1).default('gpt-4o-mini'),
    /** A writer call is aborted after this long. */
    WRITER_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
    /** The ffmpeg binary that transcodes video; the one of the `@ffmpeg-installer/ffmpeg` package when unset. */
    FFMPEG_PATH: z.string().optional(),
    // ---- Web push ----
    /**
     * Web Push (VAPID): the application server's P-256 key pair (base64url, as `web-push
     * generate-vapid-keys` prints them) and its contact (`mailto:` or `https:`). When the keys are
     * unset the marketing plugin generates a pair once and keeps it encrypted in the database.
     */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/, 'must be a base64url P-256 public key (87 characters)')
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url P-256 private key (43 characters)')
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be a mailto: address or an https: URL')
      .optional(),
    // ---- /Web push ----
    /** Set by Next.js; `phase-production-build` while `next build` collects page data. */
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    // A build configures nothing at runtime: the image is built once without secrets and the
    // secret is checked when the server or the worker starts.
    const building = v.NEXT_PHASE === BUILD_PHASE
    if (v.NODE_ENV === 'production' && !building && (!v.PAYLOAD_SECRET || v.PAYLOAD_SECRET.length < 32)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'is required in production and must be at least 32 characters',
      })
    }
    // ---- Web push ----
    if (Boolean(v.VAPID_PUBLIC_KEY) !== Boolean(v.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'],
        message: 'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together',
      })
    }
    // ---- /Web push ----
    if (v.S3_BUCKET && (!v.S3_ACCESS_KEY_ID || !v.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_ACCESS_KEY_ID'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required when S3_BUCKET is set',
      })
    }
  })

export type Env = z.infer<typeof envSchema> & {
  DATABASE_URL: string
  PAYLOAD_SECRET: string
  JOBS_AUTORUN: boolean
  dataDir: string
  embeddedDatabase: boolean
}

export class EnvError extends Error {}

export const embeddedDatabaseUrl = (port: number): string => `postgres://postgres:postgres@127.0.0.1:${port}/atrium`

/** Parses an environment; throws an EnvError naming each bad variable. */
export const parseEnv = (source: NodeJS.ProcessEnv): Env => {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`)
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  const v = result.data
  return {
    ...v,
    DATABASE_URL: v.DATABASE_URL ?? embeddedDatabaseUrl(v.EMBEDDED_PG_PORT),
    PAYLOAD_SECRET: v.PAYLOAD_SECRET ?? 'atrium-development-secret-not-for-production',
    JOBS_AUTORUN: v.JOBS_AUTORUN ?? v.NODE_ENV === 'development',
    dataDir: path.resolve(v.DATA_DIR),
    embeddedDatabase: !v.DATABASE_URL,
  }
}

let cached: Env | undefined

/** Tests that change the environment parse it again. */
export const resetEnvForTests = () => {
  cached = undefined
}

/** The process environment, parsed once. */
export const getEnv = (): Env => {
  cached ??= parseEnv(process.env)
  return cached
}
