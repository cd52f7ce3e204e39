/**
 * Starts the throwaway Atrium the browser specs run against, once per `playwright test` run:
 *
 * 1. Snapshots the working tree into a temporary directory (node_modules hard-linked, so it costs
 *    a second or two). The run stays stable while files are being edited, the developer's `.next`
 *    and running dev server are untouched, and `.env*` files are left out so the run never reaches
 *    the developer's database, SMTP, S3 or Redis.
 * 2. `next build` in the snapshot with no secrets in the environment (the build CI checks), so the
 *    specs hit the production server users get, with no on-demand compiles. Only in the snapshot,
 *    next.config skips the type check (`npm run typecheck` covers it) and Turbopack's build cache
 *    (a throwaway directory would never reuse it); neither changes the output.
 * 3. At the same time, runs tests/e2e/serve.ts there (embedded PostgreSQL → migrate → demo seed →
 *    wait for the build → `next start`) with its own DATA_DIR, free ports, a fresh PAYLOAD_SECRET
 *    and encryption key, DATABASE_URL removed, in a new process group; checks that every migration
 *    was applied. A start-up that dies before answering is retried from scratch (a probed port can
 *    be taken before it is bound).
 * 4. Publishes E2E_BASE_URL and E2E_DATA_DIR to the workers; the returned teardown stops the process
 *    group and deletes the snapshot.
 *
 * With E2E_BASE_URL and E2E_DATA_DIR already set, the specs run against that app instead (one
 * started by hand: tests/e2e/serve.ts after `next build`, JOBS_AUTORUN=false), and nothing is built.
 *
 * Logs: test-results/e2e-build.log and test-results/e2e-server.log.
 * Env: E2E_BUILD_TIMEOUT_MS (default 1200000), E2E_STARTUP_TIMEOUT_MS (default 240000, counted from
 * the app's last output line),
 * E2E_VERBOSE=1 (stream the build's and the app's output), E2E_KEEP=1 (keep the snapshot).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, realpathSync, type WriteStream } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from '../../src/core/db/startEmbeddedPostgres'

const repo = path.resolve(import.meta.dirname, '../..')
const resultsDir = path.join(repo, 'test-results')
const buildTimeoutMs = Number(process.env.E2E_BUILD_TIMEOUT_MS ?? 1_200_000)
const startupTimeoutMs = Number(process.env.E2E_STARTUP_TIMEOUT_MS ?? 240_000)
const verbose = process.env.E2E_VERBOSE === '1'
const started = Date.now()
const say = (message: string) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`)

/** Top-level entries of the working tree that are not copied into the snapshot. */
const SKIP_TOP = new Set(['node_modules', '.next', '.data', '.git', 'test-results', 'coverage', 'playwright-report'])
const skipCopy = (relative: string) => {
  const [top] = relative.split(path.sep)
  const base = path.basename(relative)
  return SKIP_TOP.has(top) || (/^\.env(\..+)?$/.test(base) && base !== '.env.example') || base.endsWith('.tsbuildinfo')
}

/**
 * The snapshot's next.config: the project's own, plus no type check and no Turbopack build cache
 * (see the header). The project's file is kept beside it as next.config.project.mjs.
 */
const SNAPSHOT_NEXT_CONFIG = `import project from './next.config.project.mjs'

export default async (phase, context) => {
  const config = typeof project === 'function' ? await project(phase, context) : project
  return {
    ...config,
    typescript: { ...config.typescript, ignoreBuildErrors: true },
    experimental: { ...config.experimental, turbopackFileSystemCacheForBuild: false },
  }
}
`

const isGroupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

const waitUntil = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (check()) return true
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return check()
}

/** SIGTERM to the group (serve.ts stops next, then PostgreSQL), SIGKILL to whatever is left. */
const stopGroup = async (child: ChildProcess | undefined) => {
  const pgid = child?.pid
  if (!pgid || !isGroupAlive(pgid)) return
  try {
    process.kill(-pgid, 'SIGTERM')
  } catch {
    /* already gone */
  }
  if (await waitUntil(() => !isGroupAlive(pgid), 20_000)) return
  say('app did not stop within 20s; killing its process group')
  try {
    process.kill(-pgid, 'SIGKILL')
  } catch {
    /* already gone */
  }
  await waitUntil(() => !isGroupAlive(pgid), 5_000)
}

/** The last lines a child printed, for failure reports, and when it last printed. */
const tail: string[] = []
let lastOutput = Date.now()
const pipeOutput = (child: ChildProcess, log: WriteStream) => {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      lastOutput = Date.now()
      log.write(chunk)
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line)
      if (tail.length > 80) tail.splice(0, tail.length - 80)
      if (verbose) process.stdout.write(chunk)
    })
  }
}
const printTail = () =>
  console.log(
    tail
      .slice(-25)
      .map((line) => `  | ${line}`)
      .join('\n'),
  )

/** The environment of the build and the app: nothing of the developer's services or secrets. */
const isolatedEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  for (const name of [
    'DATABASE_URL',
    'PAYLOAD_SECRET',
    'ENCRYPTION_KEYS',
    'REDIS_URL',
    'S3_BUCKET',
    'SMTP_HOST',
    'STRIPE_SECRET_KEY',
    'STRIPE_WEBHOOK_SECRET',
    'PAYLOAD_CONFIG_PATH',
    'NODE_OPTIONS',
    'NODE_ENV',
    'PORT',
    'SERVER_URL',
  ])
    delete env[name]
  return env
}

const build = async (appDir: string) => {
  const logPath = path.join(resultsDir, 'e2e-build.log')
  const log = createWriteStream(logPath)
  say(`next build in the snapshot (output in ${path.relative(repo, logPath)})`)
  const buildStarted = Date.now()
  const child = spawn(process.execPath, [path.join(appDir, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: appDir,
    env: isolatedEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  tail.length = 0
  pipeOutput(child, log)
  const timer = setTimeout(() => {
    say(`next build did not finish within ${buildTimeoutMs / 1000}s; stopping it`)
    void stopGroup(child)
  }, buildTimeoutMs)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearTimeout(timer)
  log.end()
  if (code !== 0) {
    printTail()
    throw new Error(`next build failed (exit ${code}); see ${path.relative(repo, logPath)}`)
  }
  say(`built in ${((Date.now() - buildStarted) / 1000).toFixed(1)}s`)
}

/**
 * A start-up that failed fast is tried again from scratch (new data directory, new ports): a free
 * port can be taken between probing and binding.
 */
class StartupError extends Error {}
const STARTUP_ATTEMPTS = 3

/** Every migration of the snapshot is recorded as applied (a silent no-op migrate would not be). */
const checkMigrations = async (appDir: string, pgPort: number) => {
  const index = await readFile(path.join(appDir, 'src/migrations/index.ts'), 'utf8')
  const expected = [...index.matchAll(/name:\s*['"]([^'"]+)['"]/g)].map((match) => match[1])
  const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/atrium` })
  try {
    await client.connect()
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM payload_migrations WHERE batch > 0`)
    const applied = new Set(rows.map((row) => row.name))
    const missing = expected.filter((name) => !applied.has(name))
    if (missing.length) throw new Error(`migrations not applied: ${missing.join(', ')}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Waits for `url` to answer 200. The limit counts from the app's last line of output: migrating
 * and seeding the demo history print as they go and can take minutes on a loaded machine, a hung
 * start-up prints nothing (with a hard cap of four limits in all).
 */
const waitForApp = async (url: string, exited: () => string | undefined) => {
  const cap = Date.now() + 4 * startupTimeoutMs
  const deadline = () => Math.min(cap, Math.max(lastOutput, Date.now() - 1) + startupTimeoutMs)
  let last = 'no answer yet'
  let answered = false
  while (Date.now() < deadline()) {
    const exit = exited()
    if (exit) throw new StartupError(`the app exited before answering (${exit})`)
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(Math.max(1_000, deadline() - Date.now())),
      })
      await response.arrayBuffer().catch(() => undefined)
      answered = true
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
  const message = `${url} did not answer 200 (nothing printed for ${startupTimeoutMs / 1000}s, or over ${(4 * startupTimeoutMs) / 1000}s in all; last: ${last})`
  // Nothing ever listened: worth a fresh attempt. An app that answered wrongly is not retried.
  throw answered ? new Error(message) : new StartupError(message)
}

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.E2E_BASE_URL && process.env.E2E_DATA_DIR) {
    say(`running against ${process.env.E2E_BASE_URL} (E2E_BASE_URL is set)`)
    return undefined
  }
  await mkdir(resultsDir, { recursive: true })
  let app: ChildProcess | undefined
  const tmpRoot = await mkdtemp(path.join(os.tmpdir(), 'atrium-e2e-'))
  const teardown = async () => {
    await stopGroup(app)
    if (process.env.E2E_KEEP === '1') return say(`kept ${tmpRoot}`)
    await rm(tmpRoot, { recursive: true, force: true, maxRetries: 3 }).catch((error) =>
      say(`could not delete ${tmpRoot}: ${error}`),
    )
  }
  try {
    // 1. Snapshot; node_modules hard-linked (same file system as os.tmpdir()). Turbopack resolves
    //    nothing through a node_modules symlink that leaves the project, so a symlinked
    //    node_modules (a git worktree's) is followed and its target linked.
    await chmod(tmpRoot, 0o755) // embedded PostgreSQL runs as the `postgres` user when we are root
    const appDir = path.join(tmpRoot, 'app')
    await cp(repo, appDir, { recursive: true, filter: (source) => !skipCopy(path.relative(repo, source)) })
    const modules = realpathSync(path.join(repo, 'node_modules'))
    const link = spawnSync('cp', ['-al', modules, path.join(appDir, 'node_modules')], { stdio: 'inherit' })
    if (link.status !== 0) {
      say('hard-linking node_modules failed; copying it instead')
      await cp(modules, path.join(appDir, 'node_modules'), { recursive: true, verbatimSymlinks: true })
    }
    await rename(path.join(appDir, 'next.config.mjs'), path.join(appDir, 'next.config.project.mjs'))
    await writeFile(path.join(appDir, 'next.config.mjs'), SNAPSHOT_NEXT_CONFIG)
    say(`snapshot in ${appDir}`)

    // 2. The production build, while the app's database is migrated and seeded (3).
    const buildDone = path.join(tmpRoot, 'build-done')
    const building = build(appDir).then(() => writeFile(buildDone, ''))
    building.catch(() => undefined) // awaited below; this only keeps an early failure from going unhandled

    // 3. The app: tests/e2e/serve.ts in its own process group; it starts Next once `buildDone` exists.
    const logPath = path.join(resultsDir, 'e2e-server.log')
    const log = createWriteStream(logPath)
    const secret = randomBytes(32).toString('base64url')
    const encryptionKeys = `e2e:${randomBytes(32).toString('base64')}`
    for (let attempt = 1; ; attempt++) {
      const dataDir = path.join(tmpRoot, `data-${attempt}`)
      await mkdir(dataDir, { recursive: true })
      const pgPort = await freePort()
      let port = await freePort()
      while (port === pgPort || port === 3000) port = await freePort()
      const baseURL = `http://localhost:${port}`
      const env: NodeJS.ProcessEnv = {
        ...isolatedEnv(),
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        PORT: String(port),
        // The browser uses http://localhost:<port>; Payload adds SERVER_URL to its CSRF list
        // (cookies from other origins are ignored).
        SERVER_URL: baseURL,
        PAYLOAD_SECRET: secret,
        ENCRYPTION_KEYS: encryptionKeys,
        // Queued jobs run when a spec asks for them (siteGuests runs them as the platform admin).
        JOBS_AUTORUN: 'false',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        E2E_PARENT_PID: String(process.pid),
        E2E_BUILD_DONE: buildDone,
      }
      log.write(`\n===== attempt ${attempt}: PostgreSQL on ${pgPort}, Next on ${port} =====\n`)
      tail.length = 0
      say(
        `starting the app${attempt > 1 ? ` (attempt ${attempt})` : ''}: PostgreSQL on ${pgPort}, next start on ${port} (output in ${path.relative(repo, logPath)})`,
      )
      const child = spawn(
        process.execPath,
        [path.join(appDir, 'node_modules/tsx/dist/cli.mjs'), '--conditions=development', 'tests/e2e/serve.ts'],
        { cwd: appDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      app = child
      let exit: string | undefined
      child.on('exit', (code, signal) => (exit = `exit code ${code ?? signal}`))
      pipeOutput(child, log)
      try {
        await building.catch(async (error) => {
          await stopGroup(child)
          throw error
        })
        await waitForApp(`http://127.0.0.1:${port}/admin/login`, () => exit)
        await checkMigrations(appDir, pgPort)
        say(`app answers ${baseURL}/admin/login`)
        process.env.E2E_BASE_URL = baseURL
        process.env.E2E_DATA_DIR = dataDir
        return teardown
      } catch (error) {
        const retry = error instanceof StartupError && attempt < STARTUP_ATTEMPTS
        say(`the app did not start: ${(error as Error).message}${retry ? '; retrying' : ''}`)
        printTail()
        await stopGroup(child)
        if (!retry) throw error
      }
    }
  } catch (error) {
    await teardown()
    throw error
  }
}
