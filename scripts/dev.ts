/**
 * `npm run dev`: owns the embedded PostgreSQL (when DATABASE_URL is unset), applies migrations,
 * seeds demo data on first start, then runs `next dev` with jobs running in-process. The demo's
 * HubSpot connection (fairway-club) points at a local fake HubSpot, started here on 127.0.0.1:4020
 * unless HUBSPOT_DEMO_URL names another one (or something already listens there).
 */
import { startFakeHubspot } from '../plugins/marketing/integrations/hubspot/fakeHubspotServer'
import { serveNext } from './serveNext'

if (!process.env.HUBSPOT_DEMO_URL)
  await startFakeHubspot({ port: 4020 }).then(
    ({ url }) => console.log(`[dev] fake HubSpot for the demo on ${url}`),
    (error: unknown) =>
      console.log(`[dev] fake HubSpot not started: ${error instanceof Error ? error.message : error}`),
  )

await serveNext('dev', {
  seed: true,
  env: { JOBS_AUTORUN: process.env.JOBS_AUTORUN ?? 'true', NEXT_TELEMETRY_DISABLED: '1' },
})
