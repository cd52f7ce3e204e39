/**
 * `npm run worker`: the standalone jobs worker for production. Every few seconds it runs queued
 * jobs of every queue and enqueues due scheduled (cron) tasks; run one or more beside the web
 * replicas (which run with JOBS_AUTORUN=false). Stops cleanly on SIGTERM.
 */
import { getPayload } from 'payload'
import { closePayload } from '../src/core/db/closePayload'
import { ensureDatabase } from './ensureDatabase'

process.env.JOBS_AUTORUN = 'true'
const db = await ensureDatabase()
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config, cron: true })
payload.logger.info('Atrium worker running queued and scheduled jobs.')
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await closePayload(payload)
    await db?.stop()
    process.exit(0)
  })
}
