import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { emit, OperationError, requireDeskRole, runSql, tenantMembershipsTable, usersTable } from '@/core'
import { ordersTable } from './sql/ordersTable'

export const requestReceiptInput = z.object({
  order: z.string().min(1, { message: 'order is required.' }),
  email: z.email({ message: 'email must be an email address.' }).nullish(),
})

export type RequestReceiptInput = z.input<typeof requestReceiptInput>

/**
 * Desk staff ask for an order's receipt by e-mail: to `email`, else the buyer's e-mail, else the
 * member's. Emits `order.receipt_requested`; the `commerce.sendReceipt` subscriber sends it from
 * the jobs queue after commit.
 */
export const requestReceipt = async (
  req: PayloadRequest,
  raw: RequestReceiptInput,
): Promise<{ queued: true; to: string }> => {
  const parsed = requestReceiptInput.safeParse(raw)
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const input = parsed.data
  const o = ordersTable(req)
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const [order] = await runSql<{
    id: string
    tenant_id: string
    buyer_email: string | null
    member_email: string | null
  }>(
    req,
    sql`SELECT o.${o.id} AS id, o.${o.tenant} AS tenant_id, o.${o.buyerEmail} AS buyer_email, u.${u.email} AS member_email
        FROM ${o.$table} o LEFT JOIN ${m.$table} m ON m.${m.id} = o.${o.member} LEFT JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
        WHERE o.${o.id} = ${input.order}`,
  )
  if (!order) throw new OperationError(404, 'not_found', 'Order not found.')
  try {
    requireDeskRole(req, order.tenant_id)
  } catch (error) {
    if (error instanceof OperationError && error.status === 403)
      throw new OperationError(404, 'not_found', 'Order not found.')
    throw error
  }
  const to = input.email ?? order.buyer_email ?? order.member_email
  if (!to) throw new OperationError(400, 'no_recipient', 'This order has no buyer e-mail: give one in `email`.')
  await emit(req, {
    type: 'order.receipt_requested',
    tenant: order.tenant_id,
    subject: { collection: 'orders', id: order.id },
    data: { order: order.id, to },
  })
  return { queued: true, to }
}
