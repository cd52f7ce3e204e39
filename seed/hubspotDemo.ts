import type { Payload } from 'payload'
import { hasCollection } from '../src/core/features/hasCollection'

const CLUB = 'fairway-club'

/** The address of the local fake HubSpot the demo connection points at (`HUBSPOT_DEMO_URL` overrides it). */
export const HUBSPOT_DEMO_URL = 'http://127.0.0.1:4020'

/**
 * fairway-club's CRM is HubSpot (seed 002): a connected `hubspot` integration connection pointed at
 * the local fake HubSpot (`npm run dev` starts it on 127.0.0.1:4020; alone:
 * `npx tsx plugins/marketing/integrations/hubspot/fakeHubspotServer.ts`), with a demo private-app token, client secret and portal id, and one
 * reconcile run queued so the club's members, leads and deals fill the outbox. Contacts, deals and
 * meetings go out from the jobs queue, never from here: with nothing listening on that address the
 * sync records the connection error on each outbox row (`lastError`) and on the connection, retries
 * with backoff, and the rows end in the dead-letter list (Marketing → HubSpot outbox, status dead),
 * from where a manager retries them once the fake runs. Adds only what is missing.
 */
export const seedHubspotDemo = async (payload: Payload) => {
  if (!hasCollection(payload, 'hubspot-outbox')) return { created: 0 } // the HubSpot sync is not installed
  const tenant = (await payload.find({ collection: 'tenants', where: { slug: { equals: CLUB } }, limit: 1, depth: 0 }))
    .docs[0]
  if (!tenant) return { created: 0 }
  const existing = await payload.find({
    collection: 'integration-connections',
    where: { and: [{ tenant: { equals: tenant.id } }, { provider: { equals: 'hubspot' } }] },
    limit: 1,
    depth: 0,
  })
  if (existing.docs.length > 0) return { created: 0 }
  await payload.create({
    collection: 'integration-connections',
    data: {
      tenant: tenant.id,
      provider: 'hubspot',
      status: 'connected',
      config: {
        baseUrl: process.env.HUBSPOT_DEMO_URL || HUBSPOT_DEMO_URL,
        portalId: '2000002',
        burstLimit: 190,
        note: 'The local fake HubSpot (npx tsx plugins/marketing/integrations/hubspot/fakeHubspotServer.ts).',
      },
      credentialsInput: { accessToken: 'demo-hubspot-private-app-token', clientSecret: 'demo-hubspot-client-secret' },
    },
  })
  await payload.jobs.queue({ task: 'hubspotReconcile', input: {} })
  return { created: 1 }
}
