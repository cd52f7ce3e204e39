import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { redisKVAdapter } from '@payloadcms/kv-redis'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import type { Config, Plugin } from 'payload'
import { buildConfig, defaultLoggerOptions } from 'payload'
import sharp from 'sharp'
import { ApiClients } from './src/collections/ApiClients'
import { AuditLogs } from './src/collections/AuditLogs'
import { Consents } from './src/collections/Consents'
import { EncryptedSecrets } from './src/collections/EncryptedSecrets'
import { FeatureFlags } from './src/collections/FeatureFlags'
import { InboundWebhooks } from './src/collections/InboundWebhooks'
import { IntegrationConnections } from './src/collections/IntegrationConnections'
import { Locations } from './src/collections/Locations'
import { Media } from './src/collections/Media'
import { PlatformConfig } from './src/collections/PlatformConfig'
import { TenantMemberships } from './src/collections/TenantMemberships'
import { TenantSettings } from './src/collections/TenantSettings'
import { Tenants } from './src/collections/Tenants'
import { Users } from './src/collections/Users'
import { isPlatformAdmin, type AccessUser } from './src/core/access/userTenants'
import { coreHomeWidgets } from './src/core/admin/home/coreHomeWidgets'
import { withHomeWidgets } from './src/core/admin/home/withHomeWidgets'
import { clonePlain } from './src/core/clonePlain'
import { databaseUnavailableHook } from './src/core/db/databaseUnavailableHook'
import { kernelSqlTables } from './src/core/db/kernelTables'
import { logPoolErrors } from './src/core/db/logPoolErrors'
import { poolOptions } from './src/core/db/poolOptions'
import { assertSqlTables, sqlTablesOf } from './src/core/db/sqlTable'
import { getEnv } from './src/core/env'
import { bodyLimits } from './src/core/http/limitBody'
import { purgeRateLimitsTask } from './src/core/auth/purgeRateLimitsTask'
import { deliverEventTask } from './src/core/events/deliverEventTask'
import { sendEmailVerificationTask } from './src/core/auth/emailVerification/sendEmailVerificationTask'
import { reclaimStaleJobs } from './src/core/events/reclaimStaleJobs'
import { fileEmailAdapter } from './src/core/mail/fileEmailAdapter'
import { removeMediaHlsTask } from './src/core/media/jobs/removeMediaHlsTask'
import { transcodeMediaTask } from './src/core/media/jobs/transcodeMediaTask'
import { migrations } from './src/migrations'
import { plugins } from './src/plugins'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Core collections + the ordered plugin list (tests append their own plugins). `domainPlugins`
 * replaces the domain plugin list of src/plugins.ts (the plugin-removal matrix leaves one out).
 */
export const atriumConfig = (
  extraPlugins: Plugin[] = [],
  { domainPlugins }: { domainPlugins?: Plugin[] } = {},
): Config => {
  const env = getEnv()
  const platformAdminOnly = ({ req }: { req: { user: unknown } }) => isPlatformAdmin(req.user as AccessUser)
  return withHomeWidgets(
    {
      serverURL: env.SERVER_URL,
      secret: env.PAYLOAD_SECRET,
      admin: {
        user: 'users',
        avatar: 'default',
        meta: { titleSuffix: ' · Atrium' },
        importMap: { baseDir: path.resolve(dirname, 'src') },
      },
      routes: { admin: '/admin', api: '/api' },
      collections: clonePlain([
        Users(),
        Tenants,
        TenantMemberships,
        Locations,
        Media(),
        TenantSettings,
        PlatformConfig,
        FeatureFlags,
        AuditLogs,
        Consents,
        IntegrationConnections,
        InboundWebhooks,
        ApiClients,
        EncryptedSecrets,
      ]),
      editor: lexicalEditor(),
      db: postgresAdapter({
        pool: poolOptions(env, env.DATABASE_URL),
        idType: 'uuid',
        push: false,
        migrationDir: path.resolve(dirname, 'src/migrations'),
        prodMigrations: migrations,
      }),
      kv: env.REDIS_URL ? redisKVAdapter({ redisURL: env.REDIS_URL, keyPrefix: 'atrium:' }) : undefined,
      email: env.SMTP_HOST
        ? nodemailerAdapter({
            defaultFromAddress: env.MAIL_FROM.replace(/^.*<|>$/g, ''),
            defaultFromName: env.MAIL_FROM.replace(/\s*<.*$/, '') || 'Atrium',
            transportOptions: {
              host: env.SMTP_HOST,
              port: env.SMTP_PORT,
              auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
            },
          })
        : fileEmailAdapter({ dir: path.join(env.dataDir, 'mail'), from: env.MAIL_FROM }),
      sharp,
      // Pretty logs in development, JSON lines in production; LOG_LEVEL sets how much.
      logger:
        env.NODE_ENV === 'production'
          ? { options: { level: env.LOG_LEVEL } }
          : { options: { level: env.LOG_LEVEL }, destination: defaultLoggerOptions },
      graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000 },
      jobs: {
        tasks: [
          deliverEventTask,
          purgeRateLimitsTask,
          transcodeMediaTask,
          removeMediaHlsTask,
          sendEmailVerificationTask,
        ],
        access: { run: platformAdminOnly, queue: platformAdminOnly, cancel: platformAdminOnly },
        deleteJobOnComplete: true,
        // Every 5 s, only where JOBS_AUTORUN is on (dev process, worker): enqueue due cron schedules
        // and run due jobs of every queue. Web replicas in production neither schedule nor run.
        autoRun: () => (getEnv().JOBS_AUTORUN ? [{ cron: '*/5 * * * * *', allQueues: true, limit: 50 }] : []),
        // Before each run, jobs left `processing` by a runner that died go back to the queue.
        shouldAutoRun: async (payload) => {
          if (!getEnv().JOBS_AUTORUN) return false
          await reclaimStaleJobs(payload)
          return true
        },
      },
      // Raw SQL takes its names from the schema: a declared table or field the schema lacks stops start-up.
      onInit: (payload) => {
        logPoolErrors(payload)
        return assertSqlTables(payload, [...kernelSqlTables, ...sqlTablesOf(payload.config)])
      },
      hooks: { afterError: [databaseUnavailableHook] },
      // Multipart uploads: streamed to temporary files (video never sits in memory), the request
      // refused with 413 past the largest file limit (Media checks each kind's own limit).
      upload: {
        useTempFiles: true,
        tempFileDir: path.join(env.dataDir, 'tmp'),
        abortOnLimit: true,
        responseOnLimit: 'The file is larger than uploads may be.',
        limits: { fileSize: Math.max(env.UPLOAD_FILE_LIMIT, env.VIDEO_FILE_LIMIT) },
        requestSizeLimit: bodyLimits().upload,
      },
      typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
      plugins: [
        ...(env.S3_BUCKET
          ? [
              s3Storage({
                collections: { media: { prefix: 'media' } },
                bucket: env.S3_BUCKET,
                config: {
                  region: env.S3_REGION,
                  endpoint: env.S3_ENDPOINT,
                  forcePathStyle: Boolean(env.S3_ENDPOINT),
                  credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
                },
              }),
            ]
          : []),
        ...plugins(extraPlugins, domainPlugins),
      ],
    } as Config,
    coreHomeWidgets,
  )
}

export default buildConfig(atriumConfig())
