import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing'
import { recordInboundWebhook } from './recordInboundWebhook'

const app = useTestApp()

describe('inbound webhooks', () => {
  it('are recorded once however many deliveries race', async () => {
    const req = { payload: app.payload, transactionID: undefined }
    const results = await Promise.all(
      Array.from({ length: 25 }, () =>
        recordInboundWebhook(req, {
          source: 'test',
          eventId: 'evt_123',
          eventType: 'thing.happened',
          payload: { ok: true },
        }),
      ),
    )
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    const { totalDocs } = await app.payload.count({
      collection: 'inbound-webhooks',
      where: { eventId: { equals: 'evt_123' } },
    })
    expect(totalDocs).toBe(1)
    const other = await recordInboundWebhook(req, { source: 'stripe', eventId: 'evt_123' })
    expect(other.duplicate).toBe(false)
  })
})
