import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, idOf, OperationError, requireDeskRole, runSql } from '@/core'
import { activateReservation } from './activateReservation'
import { recordManualPayment } from './recordManualPayment'

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
  const [invoice] = await runSql<{
    id: string
    member_id: string
    subscription_id: string | null
    amount_amount: number
    amount_currency: string
  }>(
    req,
    sql`UPDATE invoices SET status = 'paid', paid_at = now(), updated_at = now() WHERE id = ${id} AND status = 'open'
        RETURNING id, member_id, subscription_id, amount_amount, amount_currency`,
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
    await runSql(req, sql`UPDATE payments SET invoice = ${id} WHERE id = ${payment}`)
    await runSql(req, sql`UPDATE invoices SET payment_id = ${payment} WHERE id = ${id}`)
  }
  const activated = invoice.subscription_id
    ? await activateReservation(req, String(invoice.subscription_id), id, amount)
    : null
  if (invoice.subscription_id) {
    await runSql(
      req,
      sql`UPDATE subscriptions SET status = 'active', dunning_stage = 'none', updated_at = now()
          WHERE id = ${invoice.subscription_id} AND status = 'past_due'
            AND NOT EXISTS (SELECT 1 FROM invoices WHERE subscription_id = ${invoice.subscription_id} AND status = 'open' AND due_at < now())`,
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
