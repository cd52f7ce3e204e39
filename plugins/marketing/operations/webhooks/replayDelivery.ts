import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, OperationError, runSql } from '@/core'
import type { ReplayDeliveryReply } from '../../contract'
import { WEBHOOK_DELIVERIES } from '../../collections/WebhookDeliveries'
import { DELIVER_WEBHOOKS_TASK } from '../../jobs/deliverWebhooksTask'
import { webhookDeliveriesTable } from '../sql/webhookSqlTables'

/**
 * Queues a delivery again (managers of its tenant: whoever may read it): pending, attempts reset,
 * due now, and a delivery run for its endpoint. It goes out in its place in the endpoint's order.
 */
export const replayDelivery = async (req: PayloadRequest, id: string): Promise<ReplayDeliveryReply> => {
  const delivery = await req.payload
    .findByID({ collection: WEBHOOK_DELIVERIES, id, depth: 0, req, overrideAccess: false, disableErrors: true })
    .catch(() => null)
  if (!delivery) throw new OperationError(404, 'not_found', 'No such delivery.')
  const d = webhookDeliveriesTable(req)
  const [row] = await runSql<{ next: Date }>(
    req,
    sql`UPDATE ${d} SET ${d.status} = 'pending', ${d.attempts} = 0, ${d.nextAttemptAt} = now(), ${d.lastError} = NULL,
            ${d.deliveredAt} = NULL, ${d.updatedAt} = now()
        WHERE ${d.id} = ${id} RETURNING ${d.nextAttemptAt} AS next`,
  )
  await req.payload.jobs.queue({ task: DELIVER_WEBHOOKS_TASK, input: { endpoints: [idOf(delivery.endpoint)] }, req })
  return { delivery: id, status: 'pending', nextAttemptAt: new Date(row.next).toISOString() }
}
