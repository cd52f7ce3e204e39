import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

/** Files that mock modules or use another environment: they keep a fresh module graph each. */
const allFiles = ['src/**/*.test.ts', 'plugins/**/*.test.ts', 'tests/**/*.test.ts', 'seed/**/*.test.ts']
const isolatedFiles = ['src/app/(site)/siteCache.int.test.ts', 'plugins/facility/admin/BayGrid.test.ts']

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
    // Each file starts from the worker's first environment; hands the app's config to the kernel's
    // test kit (which imports no app config).
    setupFiles: ['tests/setup/restoreEnv.ts', 'tests/setup/appConfig.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
    env: { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' },
    // Most files share their worker's modules, so Payload, Next's handlers and the app's config are
    // loaded once per worker, not once per file (about half of the suite's time). Each file still
    // gets its own database and app (startTestPayload) and its own environment (restoreEnv).
    projects: [
      {
        extends: true,
        test: { name: 'shared', isolate: false, include: allFiles, exclude: ['node_modules/**', ...isolatedFiles] },
      },
      { extends: true, test: { name: 'isolated', include: isolatedFiles } },
    ],
  },
})
