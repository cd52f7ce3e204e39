/** The Payload CLI against the Atrium database: `npm run payload -- migrate`, `migrate:create`, `generate:types`. */
import { ensureDatabase } from './ensureDatabase'
import { runPayloadCli } from './runPayloadCli'

const args = process.argv.slice(2)
const db = args[0]?.startsWith('generate:') ? null : await ensureDatabase()
const code = await runPayloadCli(args)
await db?.stop()
process.exit(code)
