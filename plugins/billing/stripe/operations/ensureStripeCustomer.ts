import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable } from '@/core'
import { idempotencyKey } from '../idempotencyKey'
import type { MemberRow } from '@/core'

/**
 * The member's customer on the tenant's connected account, created lazily once: the call's
 * idempotency key is the membership id, and the id is stored with one conditional UPDATE (the
 * first writer wins, a racing request reads it back).
 */
export const ensureStripeCustomer = async (
  req: PayloadRequest,
  stripe: Stripe,
  account: string,
  member: MemberRow,
): Promise<string> => {
  if (member.stripe_customer_id) return member.stripe_customer_id
  const customer = await stripe.customers.create(
    {
      email: member.email ?? undefined,
      name: member.display_name ?? undefined,
      metadata: { tenant: member.tenant_id, member: member.id },
    },
    { stripeAccount: account, idempotencyKey: idempotencyKey('customer', member.id) },
  )
  const m = tenantMembershipsTable(req)
  const [stored] = await runSql<{ stripe_customer_id: string }>(
    req,
    sql`UPDATE ${m.$table} SET ${m.stripeCustomerId} = COALESCE(${m.stripeCustomerId}, ${customer.id}), ${m.updatedAt} = now()
        WHERE ${m.id} = ${member.id} RETURNING ${m.stripeCustomerId} AS stripe_customer_id`,
  )
  return stored?.stripe_customer_id ?? customer.id
}
