import { spawn } from 'node:child_process'
import { TranscodeError } from './TranscodeError'

const TAIL = 2000

/**
 * Runs ffmpeg with `args` and resolves with its stderr (where it reports what it read). A non-zero
 * exit rejects with a `TranscodeError` carrying the end of stderr, unless `allowFailure` (probing
 * runs `ffmpeg -i file`, which always exits 1 for want of an output). `timeoutMs` kills it.
 */
export const runFfmpeg = (
  binary: string,
  args: string[],
  { allowFailure = false, timeoutMs = 0 }: { allowFailure?: boolean; timeoutMs?: number } = {},
): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(binary, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    let timedOut = false
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutMs) : undefined
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-64 * 1024)
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new TranscodeError(`ffmpeg could not be started (${binary}): ${error.message}`))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (timedOut) return reject(new TranscodeError(`ffmpeg took longer than ${Math.round(timeoutMs / 1000)} s`))
      if (code === 0 || allowFailure) return resolve(stderr)
      const tail = stderr.trim().slice(-TAIL)
      reject(new TranscodeError(`ffmpeg exited with code ${code}: ${tail || 'no output'}`))
    })
  })
