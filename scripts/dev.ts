/**
 * `npm run dev`: owns the embedded PostgreSQL (when DATABASE_URL is unset), applies migrations,
 * seeds demo data on first start, then runs `next dev` with jobs running in-process.
 */
import { serveNext } from './serveNext'

await serveNext('dev', {
  seed: true,
  env: { JOBS_AUTORUN: process.env.JOBS_AUTORUN ?? 'true', NEXT_TELEMETRY_DISABLED: '1' },
})
