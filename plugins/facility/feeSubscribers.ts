import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, type Subscriber } from '@/core'
import type {} from '@plugins/commerce/contract'
import { issueDayPasses, voidRefundedDayPasses } from './operations/dayPasses'
import { feeSnapshotsTable } from './operations/sql/feeSnapshotsTable'

/**
 * Commerce's `order.paid` for a fee's order (`POST /api/reservations/:id/pay`): the snapshot that
 * order pays becomes `paid` (frozen from then on) by one conditional UPDATE — once, whatever the
 * deliveries. A snapshot voided meanwhile is left alone (its cancel refunded the order).
 */
export const markFeePaid = async (req: PayloadRequest, tenant: string, order: string, number: string) => {
  const f = feeSnapshotsTable(req)
  return runSql<{ id: string }>(
    req,
    sql`UPDATE ${f.$table} SET ${f.status} = 'paid', ${f.paidAt} = now(), ${f.paymentRef} = ${`order ${number}`}, ${f.updatedAt} = now()
        WHERE ${f.tenant} = ${tenant} AND ${f.commerceOrder} = ${order} AND ${f.status} = 'pending' RETURNING ${f.id} AS id`,
  )
}

export const feePaidSubscriber: Subscriber<'order.paid'> = {
  name: 'facility.feePaid',
  event: 'order.paid',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    await markFeePaid(req, event.tenant, event.data.id, event.data.number)
  },
}

/** Commerce's `order.paid` with `day_pass` lines: the passes are issued (once per unit). */
export const dayPassesSubscriber: Subscriber<'order.paid'> = {
  name: 'facility.dayPasses',
  event: 'order.paid',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    await issueDayPasses(req, event.tenant, event.data.id)
  },
}

/** Commerce's `order.refunded` in full: the order's unused day passes are voided (once; used ones stay used). */
export const dayPassesRefundedSubscriber: Subscriber<'order.refunded'> = {
  name: 'facility.dayPassesRefunded',
  event: 'order.refunded',
  handler: async (event, { req }) => {
    if (!event.tenant || event.data.status !== 'refunded') return
    await voidRefundedDayPasses(req, event.tenant, event.data.order)
  },
}
