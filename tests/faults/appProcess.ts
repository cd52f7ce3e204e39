/**
 * The app in a child process for the fault tests, killed and restarted by them:
 * `tsx --conditions=development tests/faults/appProcess.ts web|worker` with DATABASE_URL set.
 * `web` serves the whole API over HTTP on PORT (the test server: the route handlers Next mounts);
 * `worker` runs the jobs queue as scripts/worker.ts does (the cron runner; startAppProcess sets
 * JOBS_AUTORUN, read when payload.config is imported).
 * Both carry the fault probe subscribers. Prints `ready <url>` once serving.
 */
import { buildConfig, getPayload } from 'payload'
import { atriumConfig } from '../../payload.config'
import { startTestServer } from '../../src/core/testing/testServer'
import { faultProbePlugin } from './faultProbePlugin'

const mode = process.argv[2]
if (mode !== 'web' && mode !== 'worker') throw new Error('usage: appProcess.ts web|worker')
const base = atriumConfig([faultProbePlugin()])
base.typescript = { ...base.typescript, autoGenerate: false }
const config = await buildConfig(base)
await getPayload({ config, cron: mode === 'worker' })
if (mode === 'web') {
  const server = await startTestServer(config, Number(process.env.PORT ?? 0))
  console.log(`ready ${server.url}`)
} else console.log('ready worker')
