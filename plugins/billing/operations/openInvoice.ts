import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

export type InvoiceInput = {
  tenant: string
  member: string
  subscription: string
  planName: string
  amount: { amount: number; currency: string }
  status: 'open' | 'paid'
  periodStart: Date
  periodEnd: Date | null
  dueAt: Date
  payment?: string | null
}

/** Writes one invoice for a subscription period; its number comes from a database sequence. */
export const openInvoice = async (
  req: PayloadRequest,
  input: InvoiceInput,
): Promise<{ id: string; number: string }> => {
  const [seq] = await runSql<{ n: string }>(req, sql`SELECT nextval('billing_invoice_number_seq') AS n`)
  const number = `INV-${String(seq.n).padStart(6, '0')}`
  const doc = (await req.payload.db.create({
    collection: 'invoices',
    data: {
      tenant: input.tenant,
      member: input.member,
      subscription: input.subscription,
      number,
      amount: input.amount,
      status: input.status,
      periodStart: input.periodStart.toISOString(),
      periodEnd: input.periodEnd?.toISOString() ?? null,
      dueAt: input.dueAt.toISOString(),
      paidAt: input.status === 'paid' ? new Date().toISOString() : null,
      payment: input.payment ?? null,
      lines: [
        {
          id: randomBytes(12).toString('hex'),
          description: input.planName,
          quantity: 1,
          unitAmount: input.amount.amount,
          amount: input.amount.amount,
        },
      ],
    },
    req,
  })) as { id: string }
  return { id: String(doc.id), number }
}
