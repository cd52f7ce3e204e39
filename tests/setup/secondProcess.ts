import { spawn } from 'node:child_process'
import path from 'node:path'
import { httpClient } from '@/core/testing/httpClient'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Starts the app in a second Node process on the test app's database (tests/setup/serveApp.ts),
 * for what must hold across web replicas. `env` is added to this process's environment.
 */
export const startSecondProcess = async (databaseUrl: string, env: Record<string, string> = {}) => {
  const child = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=development', 'tests/setup/serveApp.ts'],
    { cwd: root, env: { ...process.env, ...env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening (\S+)/.exec(out)
      if (match) resolve(match[1])
    })
    child.on('exit', (code) => reject(new Error(`second app process exited (${code}): ${stderr.slice(-2000)}`)))
  })
  return {
    url,
    http: (auth?: Parameters<typeof httpClient>[1]) => httpClient(url, auth),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
