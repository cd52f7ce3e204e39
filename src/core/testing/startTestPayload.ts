import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Payload, Plugin, SanitizedConfig } from 'payload'
import { buildConfig, getPayload } from 'payload'
import { inject } from 'vitest'
import { checkedOutClients } from '../db/checkedOutClients'
import { closePayload } from '../db/closePayload'
import { poolOptions } from '../db/poolOptions'
import { getEnv } from '../env'
import { loadAppConfig, type AppConfigFactory } from './appConfig'
import { withDatabase } from './migrateTemplate'
import { startTestServer } from './testServer'
import { httpClient } from './httpClient'

export type TestApp = {
  payload: Payload
  config: SanitizedConfig
  baseUrl: string
  databaseUrl: string
  http: (auth?: Parameters<typeof httpClient>[1]) => ReturnType<typeof httpClient>
  stop: () => Promise<void>
}

export type StartTestPayloadOptions = {
  /** Test-only plugins appended to the app's own. */
  plugins?: Plugin[]
  /** Push the schema from the config onto an empty database instead of cloning the migrated template. */
  push?: boolean
  /** Another config factory than the app's (`provideAppConfig`), e.g. the app without one plugin. */
  config?: AppConfigFactory
  /**
   * Another PostgreSQL server than the run's (e.g. a private one a test stops and starts), with a
   * template database migrated there (`migrateTemplate`).
   */
  pg?: { serverUrl: string; template: string }
}

/**
 * Starts the app's config (given by the app with `provideAppConfig`, see tests/setup/appConfig.ts)
 * on a fresh database cloned from the migrated template, behind a real HTTP server. `plugins`
 * appends test-only plugins; with `push` the schema is pushed from the config instead (for configs
 * whose tables no committed migration creates, or that leave some out).
 */
export const startTestPayload = async ({
  plugins = [],
  push = false,
  config: factory,
  pg: privateServer,
}: StartTestPayloadOptions = {}): Promise<TestApp> => {
  const serverUrl = privateServer?.serverUrl ?? inject('pgServerUrl')
  const template = privateServer?.template ?? inject('pgTemplate')
  const runId = template.replace('atrium_tpl_', '')
  const database = `atrium_t_${runId}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await admin.connect()
  await admin.query(push ? `CREATE DATABASE "${database}"` : `CREATE DATABASE "${database}" TEMPLATE "${template}"`)
  await admin.end()

  const databaseUrl = withDatabase(serverUrl, database)
  process.env.DATABASE_URL = databaseUrl
  // Uploads and written mail of this test file stay in its own folder.
  process.env.DATA_DIR ??= await mkdtemp(path.join(os.tmpdir(), 'atrium-test-data-'))
  const base = await (factory ?? (await loadAppConfig()))(plugins)
  // Payload regenerates src/payload-types.ts on start outside production (a child process loading
  // the app's whole config): not for a test app, whose config may differ and which must not touch the tree.
  base.typescript = { ...base.typescript, autoGenerate: false }
  if (push) {
    const { postgresAdapter } = await import('@payloadcms/db-postgres')
    base.db = postgresAdapter({ pool: poolOptions(getEnv(), databaseUrl), idType: 'uuid', push: true })
  }
  const config = await buildConfig(base)
  // The default cache key: the route handlers behind the test server look the instance up by it,
  // so a test file runs one app at a time.
  const cache = (globalThis as { _payload?: Map<string, unknown> })._payload
  cache?.delete('default') // the worker may have run another test file (another config) before this one
  // @payloadcms/next keeps the GraphQL schema of the first config it served; this config builds its own.
  const graphql = (globalThis as { _payload_graphql?: { graphql: unknown; promise: unknown } })._payload_graphql
  if (graphql) Object.assign(graphql, { graphql: null, promise: null })
  const payload = await getPayload({ config, cron: false })
  // The adapter's reset-watching client: the only one checked out now; given back at stop.
  const pinned = checkedOutClients(payload)
  const server = await startTestServer(config)
  return {
    payload,
    config,
    baseUrl: server.url,
    databaseUrl,
    http: (auth) => httpClient(server.url, auth),
    stop: async () => {
      await server.close()
      await closePayload(payload, undefined, pinned)
      ;(globalThis as { _payload?: Map<string, unknown> })._payload?.delete('default')
    },
  }
}
