/**
 * `npm run test:e2e`: end-to-end specs (`tests/e2e/*.e2e.ts`) against a throwaway Atrium.
 *
 * 1. Snapshots the working tree into a temporary directory (node_modules hard-linked, so it
 *    costs about a second). `next dev` locks `.next/dev` (Next 16 `experimental.lockDistDir`),
 *    so a second dev server cannot run in this directory while a developer's is up, and a
 *    different distDir would need next.config and tsconfig edits. The snapshot also keeps the run
 *    stable while files are being edited, and Next's own writes (tsconfig, next-env.d.ts,
 *    importMap) land in the copy. `.env*` files are left out so the run never reaches the
 *    developer's database, SMTP, S3 or Redis.
 * 2. Runs `scripts/dev.ts` there (embedded PostgreSQL → migrate → seed → next dev) with its own
 *    DATA_DIR, free ports, and DATABASE_URL removed, in a new process group. Checks that every
 *    migration was applied; a start-up that dies early is retried (see StartupError).
 * 3. Waits for /admin/login to answer 200, then runs every spec in a fresh browser context
 *    (Debian chromium via playwright-core; a screenshot of each spec's last page goes to
 *    test-results/<spec>.png), and finally stops the whole process group and deletes the copy.
 *
 * The runner is a few dozen lines rather than @playwright/test: no extra dependency, no browser
 * download, and the specs run one after another against one slow-to-compile dev server anyway.
 *
 * Env: E2E_SPECS (substring filter on spec names), E2E_STARTUP_TIMEOUT_MS (default 240000),
 * E2E_VERBOSE=1 (stream the app's output), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { chromium, type Browser } from 'playwright-core'
import { freePort } from '../src/core/db/startEmbeddedPostgres'
import type { E2EContext, E2ESpec } from '../tests/e2e/harness'

const repo = path.resolve(import.meta.dirname, '..')
const specDir = path.join(repo, 'tests/e2e')
const resultsDir = path.join(repo, 'test-results')
const startupTimeoutMs = Number(process.env.E2E_STARTUP_TIMEOUT_MS ?? 240_000)
const verbose = process.env.E2E_VERBOSE === '1'
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`
const say = (message: string) => console.log(`[e2e ${elapsed()}] ${message}`)

/** Top-level entries of the working tree that are not copied into the snapshot. */
const SKIP_TOP = new Set(['node_modules', '.next', '.data', '.git', 'test-results', 'coverage'])
const skipCopy = (relative: string) => {
  const [top] = relative.split(path.sep)
  const base = path.basename(relative)
  return SKIP_TOP.has(top) || (/^\.env(\..+)?$/.test(base) && base !== '.env.example') || base.endsWith('.tsbuildinfo')
}

const loadSpecs = async (): Promise<E2ESpec[]> => {
  const files = (await readdir(specDir)).filter((file) => file.endsWith('.e2e.ts')).sort()
  const specs: E2ESpec[] = []
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(specDir, file)).href)) as {
      specs?: E2ESpec[]
      default?: E2ESpec[]
    }
    const list = mod.specs ?? mod.default
    if (!Array.isArray(list)) throw new Error(`${file} exports no \`specs\` array`)
    specs.push(...list)
  }
  const filter = process.env.E2E_SPECS
  return filter ? specs.filter((spec) => spec.name.includes(filter)) : specs
}

const slug = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'spec'

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

/** SIGTERM to the group (dev.ts stops next, then PostgreSQL), SIGKILL to whatever is left. */
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

/** The last lines the app printed, for failure reports. */
const tail: string[] = []
const remember = (chunk: Buffer) => {
  for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line)
  if (tail.length > 80) tail.splice(0, tail.length - 80)
}

/**
 * A start-up that failed fast is tried again from scratch (new data directory, new ports): a free
 * port can be taken between probing and binding, and a first compile can die on a loaded machine.
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
    if (missing.length) throw new StartupError(`migrations not applied: ${missing.join(', ')}`)
  } catch (error) {
    throw error instanceof StartupError
      ? error
      : new StartupError(`cannot read payload_migrations: ${(error as Error).message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

const waitForApp = async (url: string, app: ChildProcess, exited: () => boolean) => {
  const deadline = Date.now() + startupTimeoutMs
  let last = 'no answer yet'
  let answered = false
  while (Date.now() < deadline) {
    if (exited()) throw new StartupError(`the app exited before answering (exit code ${app.exitCode})`)
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())),
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
  const message = `${url} did not answer 200 within ${startupTimeoutMs / 1000}s (last: ${last})`
  // Nothing ever listened: the start hung before Next (once Lexical's unsettled top-level await,
  // see withPayload in scripts/migrate.ts); worth a fresh attempt. An app that answered wrongly is
  // not retried.
  throw answered ? new Error(message) : new StartupError(message)
}

const withTimeout = <T>(promise: Promise<T>, ms: number, label: string) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} timed out after ${ms / 1000}s`)), ms)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    )
  })

let app: ChildProcess | undefined
let browser: Browser | undefined
let tmpRoot: string | undefined
let tearingDown: Promise<void> | undefined

const teardown = () =>
  (tearingDown ??= (async () => {
    await browser?.close().catch(() => undefined)
    await stopGroup(app)
    if (tmpRoot)
      await rm(tmpRoot, { recursive: true, force: true, maxRetries: 3 }).catch((error) =>
        say(`could not delete ${tmpRoot}: ${error}`),
      )
  })())

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping the app`)
    void teardown().finally(() => process.exit(130))
  })
}

type Outcome = { passed: number; failed: number }

const main = async (): Promise<Outcome> => {
  const specs = await loadSpecs()
  if (specs.length === 0) return { passed: 0, failed: 0 }
  await mkdir(resultsDir, { recursive: true })

  // 1. Snapshot of the working tree; node_modules hard-linked (same file system as os.tmpdir()).
  tmpRoot = await mkdtemp(path.join(os.tmpdir(), 'atrium-e2e-'))
  await chmod(tmpRoot, 0o755) // embedded PostgreSQL runs as the `postgres` user when we are root
  const appDir = path.join(tmpRoot, 'app')
  await cp(repo, appDir, { recursive: true, filter: (source) => !skipCopy(path.relative(repo, source)) })
  const link = spawnSync('cp', ['-al', path.join(repo, 'node_modules'), path.join(appDir, 'node_modules')], {
    stdio: 'inherit',
  })
  if (link.status !== 0) {
    say('hard-linking node_modules failed; symlinking it instead')
    spawnSync('ln', ['-s', path.join(repo, 'node_modules'), path.join(appDir, 'node_modules')])
  }
  say(`snapshot in ${appDir}`)

  // 2. The app: scripts/dev.ts in its own process group. An attempt that dies before answering
  //    (see STARTUP_ATTEMPTS) is retried from scratch: new data directory, new ports.
  const logPath = path.join(resultsDir, 'e2e-server.log')
  const log = createWriteStream(logPath)
  let baseURL = ''
  for (let attempt = 1; ; attempt++) {
    const dataDir = path.join(tmpRoot, `data-${attempt}`)
    await mkdir(dataDir, { recursive: true })
    const pgPort = await freePort()
    let port = await freePort()
    while (port === pgPort || port === 3000) port = await freePort()
    baseURL = `http://localhost:${port}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(port),
      // The browser uses http://localhost:<port>: Next's dev-origin check allows `localhost` (not
      // 127.0.0.1) and Payload adds SERVER_URL to its CSRF list (cookies from other origins are ignored).
      SERVER_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    }
    delete env.DATABASE_URL // always our own embedded database
    for (const name of ['REDIS_URL', 'S3_BUCKET', 'SMTP_HOST', 'PAYLOAD_CONFIG_PATH', 'NODE_OPTIONS']) delete env[name]

    log.write(`\n===== attempt ${attempt}: PostgreSQL on ${pgPort}, Next on ${port} =====\n`)
    tail.length = 0
    say(
      `starting the app${attempt > 1 ? ` (attempt ${attempt})` : ''}: PostgreSQL on ${pgPort}, Next on ${port} (output in ${path.relative(repo, logPath)})`,
    )
    const child = spawn(
      process.execPath,
      [path.join(appDir, 'node_modules/tsx/dist/cli.mjs'), '--conditions=development', 'scripts/dev.ts'],
      {
        cwd: appDir,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    app = child
    let exited = false
    child.on('exit', () => (exited = true))
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        log.write(chunk)
        remember(chunk)
        if (verbose) process.stdout.write(chunk)
      })
    }

    try {
      await waitForApp(`http://127.0.0.1:${port}/admin/login`, child, () => exited)
      await checkMigrations(appDir, pgPort)
      say('app answers /admin/login')
      // Compile the REST route before the first login posts to it.
      await fetch(`http://127.0.0.1:${port}/api/users/me`, { signal: AbortSignal.timeout(120_000) })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined)
      break
    } catch (error) {
      const retry = error instanceof StartupError && attempt < STARTUP_ATTEMPTS
      say(`the app did not start: ${(error as Error).message}${retry ? '; retrying' : ''}`)
      console.log(
        tail
          .slice(-25)
          .map((line) => `  | ${line}`)
          .join('\n'),
      )
      await stopGroup(child)
      if (!retry) {
        log.end()
        return { passed: 0, failed: specs.length }
      }
    }
  }

  // 3. The specs, one after another, each in a fresh context.
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = []
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  for (const spec of specs) {
    const specStarted = Date.now()
    const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    page.setDefaultNavigationTimeout(120_000)
    const ctx: E2EContext = { page, context, baseURL, log: (message) => say(`  ${spec.name}: ${message}`) }
    let error: string | undefined
    try {
      await withTimeout(spec.run(ctx), spec.timeoutMs ?? 180_000, spec.name)
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught)
    }
    const shot = path.join(resultsDir, `${slug(spec.name)}.png`)
    await page.screenshot({ path: shot, fullPage: true, timeout: 30_000 }).catch(() => undefined)
    if (error) {
      const text = await page
        .locator('body')
        .innerText({ timeout: 5_000 })
        .catch(() => '(no page text)')
      await writeFile(path.join(resultsDir, `${slug(spec.name)}.txt`), `${page.url()}\n\n${text}\n`).catch(
        () => undefined,
      )
      say(
        `✗ ${spec.name} (${((Date.now() - specStarted) / 1000).toFixed(1)}s)\n    ${error.split('\n').join('\n    ')}\n    at ${page.url()}\n    screenshot: ${path.relative(repo, shot)}`,
      )
    } else {
      await rm(path.join(resultsDir, `${slug(spec.name)}.txt`), { force: true })
      say(`✓ ${spec.name} (${((Date.now() - specStarted) / 1000).toFixed(1)}s)`)
    }
    results.push({ name: spec.name, ok: !error, ms: Date.now() - specStarted, error })
    await context.close().catch(() => undefined)
  }
  log.end()

  const passed = results.filter((result) => result.ok).length
  const failed = results.length - passed
  if (failed && existsSync(logPath)) say(`app output: ${path.relative(repo, logPath)}`)
  return { passed, failed }
}

let outcome: Outcome = { passed: 0, failed: 1 }
try {
  outcome = await main()
} catch (error) {
  say(`e2e runner failed: ${(error as Error).stack ?? error}`)
} finally {
  await teardown()
}
say(`finished in ${elapsed()}`)
console.log(`e2e: ${outcome.passed} passed, ${outcome.failed} failed`)
process.exit(outcome.failed ? 1 : 0)
