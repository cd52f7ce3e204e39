/** The Payload CLI against the Atrium database: `npm run payload -- migrate:status`, `migrate:create`, `generate:types`. */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureDatabase } from './ensureDatabase'

const args = process.argv.slice(2)
const db = args[0]?.startsWith('generate:') ? null : await ensureDatabase()
// --conditions=development: see withPayload in scripts/migrate.ts. Without it the CLI's config import
// can stay unsettled, and the CLI exits 0 having done nothing (a `migrate:down` that rolled nothing back).
const child = spawn(
  process.execPath,
  ['--conditions=development', path.resolve('node_modules/payload/bin.js'), ...args],
  {
    stdio: 'inherit',
    env: { ...process.env, PAYLOAD_CONFIG_PATH: 'payload.config.ts' },
  },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
await db?.stop()
process.exit(code)
