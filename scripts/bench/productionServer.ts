/**
 * The production server for `npm run bench`: the Next build (`next build`, made when missing or
 * older than the sources), `next start` processes on the bench database, optionally the jobs
 * worker and a round-robin proxy in front of several web processes (the docker-compose topology),
 * and their memory and CPU read from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
const nextBin = path.join(root, 'node_modules/next/dist/bin/next')
const SOURCES = ['src', 'plugins', 'payload.config.ts', 'next.config.mjs', 'package.json', 'tsconfig.json']

const newestMtime = (entry: string): number => {
  const stat = statSync(entry, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(path.join(entry, name)))
  }
  return newest
}

/**
 * Makes sure `.next` holds a production build of the current sources. `mode`: `auto` builds when
 * there is none or a source file is newer than it, `always` builds, `reuse` takes whatever is there.
 * The build gets no runtime secret (a production build needs none).
 */
export const ensureBuild = (mode: string, log: (line: string) => void) => {
  const buildId = path.join(root, '.next/BUILD_ID')
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  const stale = !built || Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > built
  if (mode === 'reuse' && built) return log('next start: reusing the existing build (BENCH_BUILD=reuse)')
  if (mode !== 'always' && !stale) return log('next start: the existing build is current')
  log('next start: building (next build)…')
  const t0 = Date.now()
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  delete env.PAYLOAD_SECRET
  delete env.DATABASE_URL
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0)
    throw new Error(
      `next build failed:\n${result.stdout?.toString().slice(-3000)}\n${result.stderr?.toString().slice(-3000)}`,
    )
  log(`next start: built in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
}

export type ServerProcess = { name: string; child: ChildProcess; url?: string }

/** Resolves once `url` answers anything (the server is listening and has compiled its routes). */
const waitForHttp = async (url: string, child: ChildProcess, timeoutMs = 120_000) => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`)
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

const started: ServerProcess[] = []
// However the bench ends (done, an error, Ctrl-C through the embedded server's exit hook), its servers end too.
process.on('exit', () => started.forEach(({ child }) => child.kill('SIGKILL')))

const spawnLogged = (name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess => {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let tail = ''
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  child.on('exit', (code, signal) => {
    if (code && code !== 0) console.error(`[bench] ${name} exited with ${code ?? signal}:\n${tail}`)
  })
  started.push({ name, child })
  return child
}

/** `next start` on `port` with the bench's environment; `cpuProfileDir` runs it under `node --cpu-prof`. */
export const startNext = async (port: number, env: NodeJS.ProcessEnv, cpuProfileDir?: string) => {
  const flags = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []
  const child = spawnLogged(
    `next start :${port}`,
    // No `-H 127.0.0.1`: Next then compares a middleware rewrite's URL (loopback hosts normalised to
    // `localhost`) with `http://127.0.0.1:<port>`, finds another origin and proxies the request to
    // itself, endlessly (every rewritten site page hung). Bound to all interfaces, as `npm start` is.
    [...flags, nextBin, 'start', '-p', String(port)],
    {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
    },
  )
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/api/schedule?tenant=bench-001`, child)
  return { url, child }
}

/** The jobs worker (`npm run worker`), as docker-compose runs it beside the web replicas. */
export const startWorker = (env: NodeJS.ProcessEnv) =>
  spawnLogged(
    'worker',
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=production', 'scripts/worker.ts'],
    {
      ...env,
      NODE_ENV: 'production',
    },
  )

/** The round-robin proxy (scripts/bench/proxy.ts) on `port` in front of `targets`. */
export const startProxy = async (port: number, targets: string[], env: NodeJS.ProcessEnv) => {
  const child = spawnLogged(
    'proxy',
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/bench/proxy.ts', String(port), ...targets],
    env,
  )
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/api/schedule?tenant=bench-001`, child)
  return { url, child }
}

/** Stops every process started here (SIGTERM, then SIGKILL after 10 s) and waits for them. */
export const stopAll = async () => {
  await Promise.all(
    started.splice(0).map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
          child.once('exit', () => (clearTimeout(kill), resolve()))
          child.kill('SIGTERM')
        }),
    ),
  )
}

/** The pids of `pid` and all its descendants (Linux /proc). */
const treeOf = (pid: number): number[] => {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // exited meanwhile
    }
  }
  const out = [pid]
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []))
  return out
}

/** Resident memory (MB) of a process and its descendants. */
export const rssMb = (pid: number) => {
  let kb = 0
  for (const p of treeOf(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // exited meanwhile
    }
  }
  return Math.round(kb / 1024)
}

/** CPU time (ms) used so far by a process and its descendants. */
export const processCpuMs = (pid: number) => {
  let ticks = 0
  for (const p of treeOf(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // exited meanwhile
    }
  }
  return ticks * 10
}
