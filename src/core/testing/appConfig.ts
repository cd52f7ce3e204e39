import type { Config, Plugin } from 'payload'

/** Builds the app's Payload config with test-only plugins appended (the app's `atriumConfig`). */
export type AppConfigFactory = (extraPlugins: Plugin[]) => Config | Promise<Config>

type Loader = () => Promise<AppConfigFactory>

let loader: Loader | undefined

/**
 * The kernel imports no app config: the app hands its config factory to the test kit once, from a
 * Vitest setup file (tests/setup/appConfig.ts). The loader runs when a test app starts, after
 * DATABASE_URL points at that app's fresh database, so the config reads the right settings.
 */
export const provideAppConfig = (load: Loader): void => {
  loader = load
}

/** The factory given with `provideAppConfig`; throws when none was given. */
export const loadAppConfig = async (): Promise<AppConfigFactory> => {
  if (!loader)
    throw new Error(
      'No app config for the test kit: call provideAppConfig(() => …) in a Vitest setup file (see tests/setup/appConfig.ts).',
    )
  return loader()
}
