import { resetEnvForTests } from '@/core/env'

// Test files share their worker's modules (`isolate: false` in vitest.config.mts): each file starts
// from the environment the worker began with, whatever the file before it set, and parses it anew.
const worker = globalThis as { __atriumInitialEnv?: NodeJS.ProcessEnv }
const initial = (worker.__atriumInitialEnv ??= { ...process.env })
for (const key of Object.keys(process.env)) if (!(key in initial)) delete process.env[key]
Object.assign(process.env, initial)
resetEnvForTests()
