/**
 * `npm test`: the whole suite on a throwaway database (embedded PostgreSQL unless DATABASE_URL is
 * given): unit and integration tests with Vitest, then the browser specs. Prints its own time.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

const started = Date.now()
const run = (label: string, args: string[]) =>
  new Promise<number>((resolve) => {
    const t0 = Date.now()
    const child = spawn(process.execPath, args, {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    })
    child.on('exit', (code) => {
      console.log(`[test] ${label} finished in ${((Date.now() - t0) / 1000).toFixed(1)}s (exit ${code})`)
      resolve(code ?? 1)
    })
  })

const only = process.argv[2]
let code = 0
if (!only || only === 'unit') code ||= await run('vitest', [path.resolve('node_modules/vitest/vitest.mjs'), 'run'])
if (!only || only === 'e2e')
  code ||= await run('e2e', [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/e2e.ts'])
console.log(`[test] whole suite took ${((Date.now() - started) / 1000).toFixed(1)}s`)
process.exit(code)
