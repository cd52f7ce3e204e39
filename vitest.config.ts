import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

const include = ['src/**/*.test.ts', 'plugins/**/*.test.ts', 'tests/**/*.test.ts', 'seed/**/*.test.ts']
const exclude = ['tests/e2e/**', 'node_modules/**']

/**
 * Test files that need a fresh module registry of their own: those that mock modules (`vi.mock`)
 * or run in another environment (`@vitest-environment`). Every other file shares its worker's
 * modules with the files before it (`isolate: false`): importing Payload, Next and the app once per
 * worker instead of once per file halves the suite's time. What a file changes in `process.env` is
 * undone before the next (tests/setup/restoreEnv.ts), and the test kit resets Payload's caches.
 */
const needsIsolation = (() => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== 'node_modules' && relative !== path.join('tests', 'e2e')) walk(relative)
      else if (entry.isFile() && entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path.join(root, relative), 'utf8')
        // As a glob: `(site)` and `[tenant]` are glob syntax, escaped to match themselves.
        if (/\bvi\.mock\(|@vitest-environment/.test(text))
          files.push(
            relative
              .split(path.sep)
              .join('/')
              .replace(/[()[\]{}*?!+@]/g, '\\$&'),
          )
      }
    }
  }
  for (const dir of ['src', 'plugins', 'tests', 'seed']) walk(dir)
  return files
})()

export default defineConfig({
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.join(root, 'payload.config.ts') },
      { find: /^@\/core$/, replacement: path.join(root, 'src/core/index.ts') },
      { find: /^@\/(.*)$/, replacement: path.join(root, 'src/$1') },
      { find: /^@plugins\/(.*)$/, replacement: path.join(root, 'plugins/$1') },
    ],
  },
  test: {
    environment: 'node',
    globalSetup: ['src/core/testing/globalSetup.ts'],
    // Undoes the previous file's changes to process.env; hands the app's config to the kernel's
    // test kit (which imports no app config).
    setupFiles: ['tests/setup/restoreEnv.ts', 'tests/setup/appConfig.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
    env: { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' },
    projects: [
      { extends: true, test: { name: 'shared', include, exclude: [...exclude, ...needsIsolation], isolate: false } },
      { extends: true, test: { name: 'isolated', include: needsIsolation.length ? needsIsolation : ['-'], exclude } },
    ],
  },
})
