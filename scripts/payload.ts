/** Runs the Payload CLI (`npm run payload -- migrate`, `generate:types`, ...) against the Atrium database. */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureDatabase } from './ensureDatabase'

const args = process.argv.slice(2)
const needsDatabase = !args[0]?.startsWith('generate:')
const db = needsDatabase ? await ensureDatabase() : null
const bin = path.resolve('node_modules/payload/bin.js')
const child = spawn(process.execPath, [bin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, PAYLOAD_CONFIG_PATH: 'payload.config.ts' },
})
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
await db?.stop()
process.exit(code)
