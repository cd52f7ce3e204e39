import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, idOf, OperationError, requireDeskRole, runSql } from '@/core'
import { activateReservation } from './activateReservation'
import { recordManualPayment } from './recordManualPayment'
import { invoicesTable } from './sql/invoicesTable'
import { paymentsTable } from './sql/paymentsTable'
import { subscriptionsTable } from './sql/subscriptionsTable'

export const payInvoiceInput = z.object({
  provider: z.enum(['cash', 'terminal', 'manual'], { message: 'provider must be cash, terminal or manual.' }),
  method: z.string().max(100).nullish(),
  providerRef: z.string().max(200).nullish(),
})

/**
 * Desk staff take payment for an open invoice: a manual payment, the invoice `paid` (one
 * conditional UPDATE, so it is paid once), a reserved subscription activated from now (with its
 * credits), and a past-due subscription back to `active`.
 */
export const payInvoice = async (req: PayloadRequest, id: string, raw: unknown) => {
  const parsed = payInvoiceInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const found = await req.payload.db.findOne<{ id: string; tenant: unknown }>({
    collection: 'invoices',
    where: { id: { equals: id } },
    req,
  })
  const tenant = idOf(found?.tenant)
  if (!found || !tenant) throw new OperationError(404, 'not_found', 'Invoice not found.')
  try {
    requireDeskRole(req, tenant)
  } catch (error) {
    if (error instanceof OperationError && error.status === 403)
      throw new OperationError(404, 'not_found', 'Invoice not found.')
    throw error
  }
  const i = invoicesTable(req)
  const [invoice] = await runSql<{
    id: string
    member_id: string
    subscription_id: string | null
    amount_amount: number
    amount_currency: string
  }>(
    req,
    sql`UPDATE ${i.$table} SET ${i.status} = 'paid', ${i.paidAt} = now(), ${i.updatedAt} = now() WHERE ${i.id} = ${id} AND ${i.status} = 'open'
        RETURNING ${i.id} AS id, ${i.member} AS member_id, ${i.subscription} AS subscription_id, ${i.amount} AS amount_amount,
                  ${i.currency} AS amount_currency`,
  )
  if (!invoice) throw new OperationError(409, 'not_open', 'Only an open invoice can be paid.')
  const amount = { amount: Number(invoice.amount_amount), currency: invoice.amount_currency }
  let payment: string | null = null
  if (amount.amount > 0) {
    const paid = await recordManualPayment(req, {
      tenant,
      member: String(invoice.member_id),
      purpose: 'subscription',
      ref: invoice.subscription_id
        ? { collection: 'subscriptions', id: String(invoice.subscription_id) }
        : { collection: 'invoices', id },
      ...parsed.data,
      amount,
    })
    payment = paid.id
    const p = paymentsTable(req)
    await runSql(req, sql`UPDATE ${p.$table} SET ${p.invoice} = ${id} WHERE ${p.id} = ${payment}`)
    await runSql(req, sql`UPDATE ${i.$table} SET ${i.payment} = ${payment} WHERE ${i.id} = ${id}`)
  }
  const activated = invoice.subscription_id
    ? await activateReservation(req, String(invoice.subscription_id), id, amount)
    : null
  if (invoice.subscription_id) {
    const s = subscriptionsTable(req)
    await runSql(
      req,
      sql`UPDATE ${s.$table} SET ${s.status} = 'active', ${s.dunningStage} = 'none', ${s.updatedAt} = now()
          WHERE ${s.id} = ${invoice.subscription_id} AND ${s.status} = 'past_due'
            AND NOT EXISTS (SELECT 1 FROM ${i.$table} WHERE ${i.subscription} = ${invoice.subscription_id} AND ${i.status} = 'open' AND ${i.dueAt} < now())`,
    )
  }
  await audit(req, {
    category: 'billing',
    action: 'invoice.paid',
    tenant,
    resourceType: 'invoices',
    resourceId: id,
    amount,
  })
  await emit(req, {
    type: 'invoice.paid',
    tenant,
    subject: { collection: 'invoices', id },
    data: { member: String(invoice.member_id), subscription: invoice.subscription_id, amount, payment },
  })
  return { invoice: id, status: 'paid', payment, ...(activated ?? {}) }
}
