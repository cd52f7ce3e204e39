/** `npm start`: production server (after `npm run build`); applies migrations first. */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { getEnv } from '../src/core/env'
import { ensureDatabase } from './ensureDatabase'
import { migrateDatabase, withPayload } from './migrate'

const env = getEnv()
const db = await ensureDatabase()
await withPayload(migrateDatabase)
const next = spawn(
  process.execPath,
  [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(env.PORT)],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal))
next.on('exit', async (code) => {
  await db?.stop()
  process.exit(code ?? 0)
})
