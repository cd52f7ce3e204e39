import type { DomainEvent } from '@/core'

/** The JSON body a webhook receiver gets for one event (Standard Webhooks' `type`/`timestamp`/`data`). */
export const webhookPayloadOf = (event: DomainEvent<unknown>) => ({
  id: event.id,
  type: event.type,
  timestamp: event.occurredAt,
  tenant: event.tenant,
  subject: event.subject,
  data: event.data,
})
