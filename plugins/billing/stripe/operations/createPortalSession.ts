import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { getEnv, OperationError, runSql, tenantsTable } from '@/core'
import { connectedAccount } from '../connectedAccount'
import { idempotencyKey } from '../idempotencyKey'
import { stripeCall } from '../stripeCall'
import { requireStripeClient } from '../stripeClient'
import { memberOfUser } from '@/core'
import { PAY_ONLINE_REFUSAL } from '../payOnlineRefusal'
import { portalSessionInput } from '../../contract'

export { portalSessionInput }

/**
 * The Stripe customer portal for the signed-in member of `tenant` (manage card, cancel, invoices),
 * on the tenant's connected account. 409 `no_stripe_customer` before the member ever paid online.
 */
export const createPortalSession = async (req: PayloadRequest, raw: unknown): Promise<{ url: string }> => {
  const { tenant } = portalSessionInput.parse(raw)
  const member = await memberOfUser(req, tenant, PAY_ONLINE_REFUSAL)
  const stripe = requireStripeClient()
  const account = await connectedAccount(req, tenant)
  if (!account)
    throw new OperationError(
      409,
      'stripe_not_configured',
      'This business does not take online payments yet: please ask at the front desk.',
    )
  const customer = member.stripe_customer_id
  if (!customer)
    throw new OperationError(409, 'no_stripe_customer', 'You have no online subscription or payment here yet.')
  const t = tenantsTable(req)
  const [{ slug }] = await runSql<{ slug: string }>(
    req,
    sql`SELECT ${t.slug} AS slug FROM ${t.$table} WHERE ${t.id} = ${tenant}`,
  )
  const session = await stripeCall(() =>
    stripe.billingPortal.sessions.create(
      { customer, return_url: `${getEnv().SERVER_URL.replace(/\/$/, '')}/${slug}` },
      { stripeAccount: account, idempotencyKey: idempotencyKey('portal', member.id, Math.floor(Date.now() / 60_000)) },
    ),
  )
  return { url: session.url }
}
