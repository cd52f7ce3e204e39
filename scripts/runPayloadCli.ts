import { spawn } from 'node:child_process'
import path from 'node:path'

/** Runs the Payload CLI in a child process with the Atrium config; resolves to its exit code. */
export const runPayloadCli = (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('node_modules/payload/bin.js'), ...args], {
      stdio: 'inherit',
      env: { ...env, PAYLOAD_CONFIG_PATH: 'payload.config.ts' },
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.once('SIGINT', forward)
    process.once('SIGTERM', forward)
    child.on('exit', (code) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? 1)
    })
  })
