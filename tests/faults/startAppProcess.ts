import { spawn } from 'node:child_process'

export type AppProcess = { url: string; pid: number; kill: () => Promise<void> }

/**
 * Starts tests/faults/appProcess.ts (`web` or `worker`) on `databaseUrl` and resolves once it
 * prints `ready`; `kill` sends SIGKILL and waits for the process to be gone.
 */
export const startAppProcess = (
  mode: 'web' | 'worker',
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // tsx as a loader in this one process (its CLI would run the app in a grandchild that a
      // SIGKILL of the CLI leaves running).
      ['--require', 'tsx/preflight', '--import', 'tsx', '--conditions=development', 'tests/faults/appProcess.ts', mode],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'fatal',
          DATABASE_URL: databaseUrl,
          JOBS_AUTORUN: mode === 'worker' ? 'true' : 'false',
          ...env,
        },
      },
    )
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const ready = /^ready (\S+)/m.exec(out)
      if (ready)
        resolve({
          url: ready[1],
          pid: child.pid!,
          kill: async () => {
            child.kill('SIGKILL')
            await exited
          },
        })
    })
    child.once('exit', (code) => reject(new Error(`${mode} process exited (${code}) before it was ready: ${out}`)))
  })
