import type { PayloadRequest } from 'payload'
import { getSecret } from '@/core'

export type SlackConnection = { id: string; events: string[] }

/** The tenant's connected Slack integration (`config.events`: the event types posted; `*` for all), or null. */
export const slackConnectionOf = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  tenant: string,
): Promise<SlackConnection | null> => {
  const doc = await req.payload.db.findOne<{ id: string; config?: unknown }>({
    collection: 'integration-connections',
    where: {
      and: [{ tenant: { equals: tenant } }, { provider: { equals: 'slack' } }, { status: { equals: 'connected' } }],
    },
    req: req as PayloadRequest,
  })
  if (!doc) return null
  const config = doc.config && typeof doc.config === 'object' ? (doc.config as { events?: unknown }) : {}
  const events = Array.isArray(config.events) ? config.events.filter((e): e is string => typeof e === 'string') : []
  return { id: String(doc.id), events }
}

/** The incoming-webhook URL stored in the connection's encrypted credentials (`{ webhookUrl }`). */
export const slackWebhookUrlOf = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  connection: string,
): Promise<string | undefined> => {
  const credentials = await getSecret<{ webhookUrl?: unknown }>(req, {
    collection: 'integration-connections',
    id: connection,
    field: 'credentials',
  })
  return typeof credentials?.webhookUrl === 'string' ? credentials.webhookUrl : undefined
}
