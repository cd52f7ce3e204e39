/**
 * `npm run worker`: the standalone jobs worker for production. Runs queued jobs of every queue
 * and enqueues scheduled (cron) tasks every few seconds; run one or more beside the web replicas.
 */
import { ensureDatabase } from './ensureDatabase'
import { runPayloadCli } from './runPayloadCli'

const db = await ensureDatabase()
const code = await runPayloadCli(['jobs:run', '--all-queues', '--handle-schedules', '--cron', process.env.WORKER_CRON ?? '*/5 * * * * *'])
await db?.stop()
process.exit(code)
