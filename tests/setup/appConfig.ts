import { provideAppConfig } from '@/core/testing/appConfig'

// The test kit (src/core/testing) starts whatever config the app gives it: Atrium's whole config.
// Loaded lazily, when a test app starts (after DATABASE_URL points at its fresh database).
provideAppConfig(async () => (await import('../../payload.config')).atriumConfig)
