import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Scripts that load payload.config under plain Node must pass an export condition, or Lexical's
// top-level-await entry points can leave the import unsettled (see withPayload in scripts/migrate.ts).
const root = path.resolve(import.meta.dirname, '..')

describe('scripts that load the config pass --conditions', () => {
  it('every npm script that runs tsx does', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    const runs = Object.entries(scripts).flatMap(([name, command]) =>
      [...command.matchAll(/\btsx\s+([^&|;]+)/g)].map((m) => ({ name, args: m[1].trim() })),
    )
    // test.ts and e2e.ts only spawn other processes; every other tsx run loads the config.
    const loading = runs.filter(({ args }) => !/scripts\/(test|e2e)\.ts/.test(args))
    expect(loading.length).toBeGreaterThan(5)
    for (const { name, args } of loading) expect(`${name}: ${args}`).toMatch(/--conditions=(development|production) /)
    expect(scripts.start).toContain('--conditions=production')
    expect(scripts.worker).toContain('--conditions=production')
  })

  it('the processes the test and e2e runners spawn do', async () => {
    // Vitest's global setup migrates the template database (migrateTemplate.ts); the browser specs'
    // global setup starts the app (tests/e2e/serve.ts). Each runs scripts under tsx.
    for (const file of ['src/core/testing/migrateTemplate.ts', 'tests/e2e/globalSetup.ts']) {
      const source = await readFile(path.join(root, file), 'utf8')
      expect(source, file).toMatch(/tsx\/dist\/cli\.mjs'\)?, '--conditions=development'/)
    }
  })
})
