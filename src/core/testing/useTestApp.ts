import { afterAll, beforeAll } from 'vitest'
import { startTestPayload, type TestApp } from './startTestPayload'

/**
 * Starts the app for the current test file (beforeAll) and stops it afterwards (afterAll).
 * The returned object forwards to the running app: `const app = useTestApp(); app.payload...`.
 */
export const useTestApp = (options?: Parameters<typeof startTestPayload>[0]): TestApp => {
  let current: TestApp | undefined
  beforeAll(async () => {
    current = await startTestPayload(options)
  }, 180_000)
  afterAll(async () => current?.stop())
  return new Proxy({} as TestApp, {
    get: (_target, key) => {
      if (!current) throw new Error('The test app is not started yet: use it inside tests or hooks.')
      return current[key as keyof TestApp]
    },
  })
}
