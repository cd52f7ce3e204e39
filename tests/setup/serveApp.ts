/**
 * A second app process for tests that span processes (tests/setup/secondProcess.ts starts it):
 * the app's config on DATABASE_URL behind the same HTTP server the test kit uses, in a process of
 * its own (its own caches, its own connection pool, its own Redis connection when REDIS_URL is
 * set). Prints `listening <url>` once ready and serves until it is killed.
 */
import { buildConfig, getPayload } from 'payload'
import { atriumConfig } from '../../payload.config'
import { startTestServer } from '../../src/core/testing/testServer'

const base = atriumConfig()
base.typescript = { ...base.typescript, autoGenerate: false }
const config = await buildConfig(base)
await getPayload({ config, cron: false })
const server = await startTestServer(config)
console.log(`listening ${server.url}`)
