import { resetEnvForTests } from '@/core/env'

/**
 * Test files share their worker's modules (vitest.config.ts): before each file, process.env is put
 * back as the worker started with it, and the parsed environment is dropped, so what one file set
 * (a rate limit, REDIS_URL, its DATA_DIR) never reaches the next.
 */
const state = globalThis as { __atriumWorkerEnv?: Record<string, string | undefined> }
state.__atriumWorkerEnv ??= { ...process.env }
const initial = state.__atriumWorkerEnv
for (const key of Object.keys(process.env)) if (!(key in initial)) delete process.env[key]
Object.assign(process.env, initial)
resetEnvForTests()
