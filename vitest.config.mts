import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

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
    include: ['src/**/*.test.ts', 'plugins/**/*.test.ts', 'tests/**/*.test.ts', 'seed/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['src/core/testing/globalSetup.ts'],
    // Each file starts from the worker's first environment (needed only if files ever share a
    // worker's modules); hands the app's config to the kernel's test kit (which imports no app config).
    setupFiles: ['tests/setup/restoreEnv.ts', 'tests/setup/appConfig.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
    env: { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'fatal' },
  },
})
