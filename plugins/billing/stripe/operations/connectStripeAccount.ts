import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import {
  audit,
  getEnv,
  hasRoleIn,
  integrationConnectionsTable,
  isPlatformAdmin,
  lockKey,
  OperationError,
  runSql,
  type AccessUser,
} from '@/core'
import { idempotencyKey } from '../idempotencyKey'
import { stripeCall } from '../stripeCall'
import { requireStripeClient } from '../stripeClient'

export const connectStripeAccountInput = z.object({
  tenant: z.string({ message: 'tenant is required.' }).min(1, { message: 'tenant is required.' }),
})

/**
 * Connect onboarding for a tenant's owner or admin. The first call creates the tenant's connected
 * account on the platform (`accounts.create`, idempotency key `atrium:connect:<tenant>`) and stores
 * it in the tenant's `integration-connections` row (provider stripe, status `disconnected` until
 * onboarding is done, `config.accountId`); every call re-reads the account and, once Stripe says it
 * can take charges (`charges_enabled` and `details_submitted`), marks the row `connected` (online
 * payments start) — otherwise it answers a fresh onboarding link (`accountLinks.create`).
 */
export const connectStripeAccount = async (req: PayloadRequest, raw: unknown) => {
  const parsed = connectStripeAccountInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const { tenant } = parsed.data
  const user: AccessUser = req.user
  if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  if (!isPlatformAdmin(user) && !hasRoleIn(user, tenant, ['owner', 'admin']))
    throw new OperationError(403, 'forbidden', 'Only an owner or admin of this business can connect Stripe.')
  const stripe = requireStripeClient()
  await lockKey(req, `stripe-connect:${tenant}`)
  const c = integrationConnectionsTable(req)
  const [row] = await runSql<{ id: string; status: string | null; account: string | null }>(
    req,
    sql`SELECT ${c.id} AS id, ${c.status} AS status, ${c.config}->>'accountId' AS account FROM ${c.$table}
        WHERE ${c.tenant} = ${tenant} AND ${c.provider} = 'stripe' ORDER BY ${c.createdAt} LIMIT 1`,
  )
  if (row?.status === 'connected' && row.account)
    return { account: row.account, status: 'connected' as const, url: null }

  let account = row?.account && /^acct_\w+$/.test(row.account) ? row.account : null
  if (!account) {
    const created = await stripeCall(() =>
      stripe.accounts.create(
        { type: 'standard', metadata: { tenant } },
        { idempotencyKey: idempotencyKey('connect', tenant) },
      ),
    )
    account = created.id
    if (row)
      await runSql(
        req,
        sql`UPDATE ${c.$table} SET ${c.config} = coalesce(${c.config}, '{}'::jsonb) || ${JSON.stringify({ accountId: account })}::jsonb,
              ${c.status} = 'disconnected', ${c.updatedAt} = now() WHERE ${c.id} = ${row.id}`,
      )
    else
      await req.payload.db.create({
        collection: 'integration-connections' as CollectionSlug,
        data: { tenant, provider: 'stripe', status: 'disconnected', config: { accountId: account } },
        req,
      })
    await audit(req, {
      category: 'billing',
      action: 'stripe.account_created',
      tenant,
      resourceType: 'integration-connections',
      after: { account },
    })
  }
  const current = await stripeCall(() => stripe.accounts.retrieve(account))
  if (current.charges_enabled && current.details_submitted) {
    await runSql(
      req,
      sql`UPDATE ${c.$table} SET ${c.status} = 'connected', ${c.updatedAt} = now()
          WHERE ${c.tenant} = ${tenant} AND ${c.provider} = 'stripe' AND ${c.config}->>'accountId' = ${account}`,
    )
    await audit(req, {
      category: 'billing',
      action: 'stripe.connected',
      tenant,
      resourceType: 'integration-connections',
      after: { account },
    })
    return { account, status: 'connected' as const, url: null }
  }
  const admin = `${getEnv().SERVER_URL.replace(/\/$/, '')}/admin`
  const link = await stripeCall(() =>
    stripe.accountLinks.create(
      {
        account,
        type: 'account_onboarding',
        refresh_url: `${admin}?stripe=refresh`,
        return_url: `${admin}?stripe=return`,
      },
      { idempotencyKey: idempotencyKey('account-link', account, Math.floor(Date.now() / 60_000)) },
    ),
  )
  return { account, status: 'onboarding' as const, url: link.url }
}
