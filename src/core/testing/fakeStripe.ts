import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'

/** One request the fake received, as the SDK sent it. */
export type RecordedRequest = {
  method: string
  path: string
  /** `Stripe-Account` header (Connect), or null for the platform account. */
  account: string | null
  idempotencyKey: string | null
  authorization: string | null
  params: Record<string, unknown>
  replayed: boolean
}

type StripeObject = Record<string, unknown> & { id: string; object: string }

const PLATFORM = '(platform)'
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`
const now = () => Math.floor(Date.now() / 1000)

/** Sets `value` at a Stripe form key such as `line_items[0][price_data][currency]`. */
const assign = (target: Record<string, unknown>, key: string, value: string) => {
  const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(key)
  if (!match) return
  const path = [match[1], ...[...match[2].matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])]
  let node: Record<string, unknown> = target
  path.forEach((segment, index) => {
    const last = index === path.length - 1
    const name = segment === '' ? String(Object.keys(node).length) : segment
    if (last) node[name] = value
    else node = (node[name] ??= {}) as Record<string, unknown>
  })
}

/** Objects whose keys are 0..n-1 become arrays (Stripe's form encoding of lists). */
const arrays = (value: unknown): unknown => {
  if (!value || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, arrays(v)] as const)
  const numeric = entries.length > 0 && entries.every(([k], i) => k === String(i))
  return numeric ? entries.map(([, v]) => v) : Object.fromEntries(entries)
}

export const parseForm = (text: string): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(text)) assign(out, key, value)
  return arrays(out) as Record<string, unknown>
}

const bool = (value: unknown) => value === true || value === 'true'

/**
 * A local stand-in for api.stripe.com speaking Stripe's form-encoded REST protocol for what
 * Atrium calls: customers, Checkout Sessions, customer portal sessions, subscriptions
 * (retrieve with `expand[]=latest_invoice`, update, pause_collection), invoices (retrieve), invoice
 * payments (list by PaymentIntent), refunds (with `refund_application_fee`), Connect application
 * fees on payment sessions (`payment_intent_data.application_fee_amount`: checked like Stripe, kept
 * as an `application_fee` object on the platform, `fee_for_<pi>`), products, prices (create, list by product, update
 * `active` to archive or restore), events (list: every
 * subscription or invoice change made through the API or the helpers is logged as Stripe would)
 * and Connect accounts. State is kept per
 * connected account (`Stripe-Account`), idempotency keys replay the first answer like Stripe
 * does, and every request is recorded. Tests point the real SDK at it with
 * STRIPE_API_HOST/PORT/PROTOCOL, change state with the helpers below and sign events with
 * `stripe.webhooks.generateTestHeaderString`.
 */
export const startFakeStripe = async () => {
  const requests: RecordedRequest[] = []
  const accounts = new Map<string, Map<string, StripeObject>>()
  const replies = new Map<string, { status: number; body: unknown }>()
  const outages = new Map<string, number>()
  /** Events Stripe generated on each account, newest last (`GET /v1/events`). */
  const eventLog = new Map<string, StripeObject[]>()
  const record = (account: string | null, type: string, object: StripeObject) => {
    const key = account ?? PLATFORM
    if (!eventLog.has(key)) eventLog.set(key, [])
    eventLog.get(key)!.push({
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      type,
      created: now(),
      ...(account ? { account } : {}),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    })
  }

  const store = (account: string | null) => {
    const key = account ?? PLATFORM
    if (!accounts.has(key)) accounts.set(key, new Map())
    return accounts.get(key)!
  }
  const put = <T extends StripeObject>(account: string | null, object: T): T => {
    store(account).set(object.id, object)
    return object
  }
  const get = (account: string | null, id: string) => store(account).get(id)

  const missing = (id: string) => ({
    status: 404,
    body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: '${id}'` } },
  })

  const expand = (account: string | null, object: StripeObject, params: Record<string, unknown>): StripeObject => {
    const wanted = Object.values((params.expand as Record<string, string> | string[] | undefined) ?? {})
    const copy = structuredClone(object)
    for (const field of wanted) {
      const ref = copy[field]
      if (typeof ref === 'string') copy[field] = get(account, ref) ?? ref
    }
    return copy
  }

  const lineAmount = (line: Record<string, unknown>, account: string | null): number => {
    const quantity = Number(line.quantity ?? 1)
    const data = line.price_data as Record<string, unknown> | undefined
    if (data) return Number(data.unit_amount ?? 0) * quantity
    const price = typeof line.price === 'string' ? get(account, line.price) : undefined
    return Number(price?.unit_amount ?? 0) * quantity
  }

  const route = (
    method: string,
    path: string,
    account: string | null,
    params: Record<string, unknown>,
  ): { status: number; body: unknown } => {
    const parts = path.replace(/^\/v1\//, '').split('/')
    if (method === 'POST' && path === '/v1/customers') {
      return {
        status: 200,
        body: put(account, {
          id: newId('cus'),
          object: 'customer',
          email: params.email ?? null,
          name: params.name ?? null,
          metadata: params.metadata ?? {},
          created: now(),
        }),
      }
    }
    if (method === 'POST' && path === '/v1/accounts') {
      return {
        status: 200,
        body: put(null, {
          id: newId('acct'),
          object: 'account',
          type: params.type ?? 'standard',
          charges_enabled: false,
          details_submitted: false,
          metadata: params.metadata ?? {},
          created: now(),
        }),
      }
    }
    if (method === 'GET' && parts[0] === 'accounts' && parts[1]) {
      const current = get(null, parts[1])
      return current ? { status: 200, body: structuredClone(current) } : missing(parts[1])
    }
    if (method === 'POST' && path === '/v1/account_links') {
      if (!params.account || !get(null, String(params.account))) return missing(String(params.account))
      return {
        status: 200,
        body: {
          object: 'account_link',
          url: `https://connect.stripe.test/setup/${params.account}/${randomBytes(4).toString('hex')}`,
          expires_at: now() + 300,
          created: now(),
        },
      }
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (!params.mode || !params.line_items || !params.success_url) {
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', message: 'mode, line_items and success_url are required' } },
        }
      }
      const lines = (params.line_items as Record<string, unknown>[]) ?? []
      const archived = lines.find(
        (line) => typeof line.price === 'string' && get(account, line.price)?.active === false,
      )
      if (archived)
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              param: 'line_items[0][price]',
              message: `The price specified is inactive. This field only accepts active prices.`,
            },
          },
        }
      // Connect: an application fee is taken on a charge made for a connected account — a direct
      // charge (`Stripe-Account`) or a destination charge (`transfer_data` on the platform) — and never exceeds it.
      const paymentData = (params.payment_intent_data ?? {}) as Record<string, unknown>
      const amountTotal = lines.reduce((sum, line) => sum + lineAmount(line, account), 0)
      if (paymentData.application_fee_amount !== undefined) {
        const fee = Number(paymentData.application_fee_amount)
        const refusal =
          !Number.isInteger(fee) || fee < 0
            ? 'Invalid integer: payment_intent_data[application_fee_amount]'
            : params.mode !== 'payment'
              ? 'payment_intent_data[application_fee_amount] can only be used in payment mode.'
              : !account && !paymentData.transfer_data
                ? 'Can only apply an application_fee_amount when the request is made on behalf of another account (using an OAuth key, the Stripe-Account header, or the transfer_data parameter).'
                : fee > amountTotal
                  ? 'The application fee cannot be greater than the amount of the charge.'
                  : null
        if (refusal)
          return {
            status: 400,
            body: {
              error: {
                type: 'invalid_request_error',
                param: 'payment_intent_data[application_fee_amount]',
                message: refusal,
              },
            },
          }
      }
      if (account && (paymentData.transfer_data || paymentData.on_behalf_of))
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              param: paymentData.transfer_data
                ? 'payment_intent_data[transfer_data]'
                : 'payment_intent_data[on_behalf_of]',
              message:
                'transfer_data and on_behalf_of make a destination charge on the platform account; they cannot be used with the Stripe-Account header (a direct charge).',
            },
          },
        }
      const id = newId('cs_test')
      return {
        status: 200,
        body: put(account, {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          mode: params.mode,
          status: 'open',
          payment_status: 'unpaid',
          customer: params.customer ?? null,
          client_reference_id: params.client_reference_id ?? null,
          metadata: params.metadata ?? {},
          success_url: params.success_url,
          cancel_url: params.cancel_url ?? null,
          amount_total: amountTotal,
          currency: String(
            ((lines[0]?.price_data as Record<string, unknown> | undefined)?.currency as string | undefined) ??
              (typeof lines[0]?.price === 'string' ? get(account, lines[0].price)?.currency : undefined) ??
              'usd',
          ),
          line_items_requested: lines,
          subscription_data: params.subscription_data ?? null,
          payment_intent_data: params.payment_intent_data ?? null,
          subscription: null,
          payment_intent: null,
          created: now(),
        }),
      }
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (!params.customer || !get(account, String(params.customer))) return missing(String(params.customer))
      const id = newId('bps')
      return {
        status: 200,
        body: {
          id,
          object: 'billing_portal.session',
          url: `https://billing.stripe.test/p/session/${id}`,
          customer: params.customer,
          return_url: params.return_url ?? null,
        },
      }
    }
    if (method === 'POST' && path === '/v1/products') {
      const id = params.id ? String(params.id) : newId('prod')
      if (get(account, id))
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              code: 'resource_already_exists',
              message: `Product already exists: '${id}'`,
            },
          },
        }
      if (!params.name)
        return { status: 400, body: { error: { type: 'invalid_request_error', message: 'name is required' } } }
      return {
        status: 200,
        body: put(account, {
          id,
          object: 'product',
          name: params.name,
          active: true,
          metadata: params.metadata ?? {},
          created: now(),
        }),
      }
    }
    if (method === 'GET' && parts[0] === 'products' && parts[1]) {
      const current = get(account, parts[1])
      return current ? { status: 200, body: structuredClone(current) } : missing(parts[1])
    }
    if (method === 'POST' && path === '/v1/prices') {
      if (!params.currency || params.unit_amount === undefined || !params.product)
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', message: 'currency, unit_amount and product are required' } },
        }
      if (!get(account, String(params.product))) return missing(String(params.product))
      const recurring = params.recurring as Record<string, unknown> | undefined
      return {
        status: 200,
        body: put(account, {
          id: newId('price'),
          object: 'price',
          active: true,
          product: params.product,
          currency: params.currency,
          unit_amount: Number(params.unit_amount),
          type: recurring ? 'recurring' : 'one_time',
          recurring: recurring
            ? { interval: recurring.interval, interval_count: Number(recurring.interval_count ?? 1) }
            : null,
          metadata: params.metadata ?? {},
          created: now(),
        }),
      }
    }
    if (method === 'GET' && path === '/v1/prices') {
      // List a product's prices, newest first, optionally only active or archived ones (like Stripe).
      const data = [...store(account).values()]
        .filter(
          (o) =>
            o.object === 'price' &&
            (!params.product || o.product === params.product) &&
            (params.active === undefined || o.active === bool(params.active)),
        )
        .reverse()
      return { status: 200, body: { object: 'list', url: '/v1/prices', has_more: false, data: structuredClone(data) } }
    }
    if (method === 'POST' && parts[0] === 'prices' && parts[1]) {
      // Stripe Prices are immutable except `active` (archive / restore), `metadata`, `nickname` and `lookup_key`.
      const current = get(account, parts[1])
      if (!current || current.object !== 'price') return missing(parts[1])
      if ('unit_amount' in params || 'currency' in params || 'recurring' in params)
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', message: 'Received unknown parameter: unit_amount' } },
        }
      if ('active' in params) current.active = bool(params.active)
      if ('metadata' in params) current.metadata = { ...(current.metadata as object), ...(params.metadata as object) }
      return { status: 200, body: structuredClone(current) }
    }
    if (method === 'GET' && path === '/v1/events') {
      const created = (params.created ?? {}) as Record<string, string>
      const types = Object.values((params.types as Record<string, string> | string[] | undefined) ?? {})
      const data = [...(eventLog.get(account ?? PLATFORM) ?? [])]
        .reverse()
        .filter(
          (e) =>
            (!created.gte || Number(e.created) >= Number(created.gte)) &&
            (types.length === 0 || types.includes(String(e.type))),
        )
      return { status: 200, body: { object: 'list', url: '/v1/events', has_more: false, data: structuredClone(data) } }
    }
    if (method === 'GET' && path === '/v1/invoice_payments') {
      const wanted = (params.payment ?? {}) as Record<string, string>
      const data = [...store(account).values()]
        .filter((o) => o.object === 'invoice')
        .flatMap((inv) =>
          ((inv.payments as { data: Record<string, unknown>[] }).data ?? []).map(
            (p): Record<string, unknown> => ({ id: `inpay_${inv.id}`, ...p, invoice: inv.id }),
          ),
        )
        .filter(
          (p) =>
            !wanted.payment_intent || (p.payment as Record<string, unknown>).payment_intent === wanted.payment_intent,
        )
      return { status: 200, body: { object: 'list', url: '/v1/invoice_payments', has_more: false, data } }
    }
    if (parts[0] === 'subscriptions' && parts[1]) {
      const current = get(account, parts[1])
      if (!current) return missing(parts[1])
      if (method === 'GET') return { status: 200, body: expand(account, current, params) }
      if (method === 'POST') {
        if ('cancel_at_period_end' in params) current.cancel_at_period_end = bool(params.cancel_at_period_end)
        if ('metadata' in params) current.metadata = { ...(current.metadata as object), ...(params.metadata as object) }
        if ('pause_collection' in params) {
          const pause = params.pause_collection as Record<string, unknown> | ''
          current.pause_collection =
            pause === ''
              ? null
              : {
                  behavior: pause.behavior,
                  resumes_at: pause.resumes_at === undefined ? null : Number(pause.resumes_at),
                }
        }
        if (Array.isArray(params.items)) {
          // A price change of the subscription item (plan change); proration is recorded, not computed.
          const wanted = (params.items as Record<string, unknown>[])[0]
          const items = (current.items as { data: Record<string, unknown>[] }).data
          const item = items.find((i) => i.id === wanted.id) ?? items[0]
          const data = wanted.price_data as Record<string, unknown> | undefined
          if (data && !data.product)
            return {
              status: 400,
              body: { error: { type: 'invalid_request_error', message: 'items[0][price_data][product] is required' } },
            }
          item.price =
            typeof wanted.price === 'string'
              ? { id: wanted.price, object: 'price' }
              : {
                  id: newId('price'),
                  object: 'price',
                  product: data?.product,
                  unit_amount: Number(data?.unit_amount),
                  currency: data?.currency,
                  recurring: data?.recurring,
                }
          current.last_proration_behavior = params.proration_behavior ?? 'create_prorations'
        }
        record(account, 'customer.subscription.updated', current)
        return { status: 200, body: structuredClone(current) }
      }
    }
    if (parts[0] === 'invoices' && parts[1] && method === 'GET') {
      const current = get(account, parts[1])
      return current ? { status: 200, body: structuredClone(current) } : missing(parts[1])
    }
    if (method === 'GET' && path === '/v1/refunds') {
      const data = [...store(account).values()].filter(
        (o) => o.object === 'refund' && (!params.payment_intent || o.payment_intent === params.payment_intent),
      )
      return { status: 200, body: { object: 'list', url: '/v1/refunds', has_more: false, data: structuredClone(data) } }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (!params.payment_intent)
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', message: 'payment_intent is required' } },
        }
      const intent = get(account, String(params.payment_intent))
      const amount = params.amount === undefined ? Number(intent?.amount ?? 0) : Number(params.amount)
      const refund = {
        id: newId('re'),
        object: 'refund',
        amount,
        payment_intent: params.payment_intent,
        status: 'succeeded',
        metadata: params.metadata ?? {},
        created: now(),
      }
      // `refund_application_fee`: the application fee goes back in proportion to the amount refunded (Connect).
      const fee = bool(params.refund_application_fee) && intent ? get(null, `fee_for_${intent.id}`) : undefined
      if (fee && Number(intent?.amount) > 0)
        fee.amount_refunded = Math.min(
          Number(fee.amount),
          Number(fee.amount_refunded) + Math.round((Number(fee.amount) * amount) / Number(intent!.amount)),
        )
      return { status: 200, body: put(account, refund) }
    }
    return {
      status: 404,
      body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } },
    }
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://fake')
    const method = (req.method ?? 'GET').toUpperCase()
    const params = parseForm(
      method === 'GET' || method === 'DELETE' ? url.search.slice(1) : Buffer.concat(chunks).toString('utf8'),
    )
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : null)
    const account = header('stripe-account')
    const key = header('idempotency-key')
    const memoKey = key && method === 'POST' ? `${account ?? PLATFORM}|${key}` : null
    const replay = memoKey ? replies.get(memoKey) : undefined
    requests.push({
      method,
      path: url.pathname,
      account,
      idempotencyKey: key,
      authorization: header('authorization'),
      params,
      replayed: Boolean(replay),
    })
    const outage = [...outages.entries()].find(
      ([prefix, left]) => left > 0 && `${method} ${url.pathname}`.startsWith(prefix),
    )
    if (outage) {
      outages.set(outage[0], outage[1] - 1)
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'Fake outage' } }))
      return
    }
    const reply = replay ?? route(method, url.pathname, account, params)
    if (memoKey && !replay) replies.set(memoKey, reply)
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'request-id': newId('req'),
      ...(replay ? { 'idempotent-replayed': 'true' } : {}),
    })
    res.end(JSON.stringify(reply.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  /** A subscription object as the 2026 API shapes it (periods live on the item). */
  const subscription = (
    account: string,
    fields: Partial<{
      id: string
      customer: string
      status: string
      price: string
      periodStart: number
      periodEnd: number
      cancelAtPeriodEnd: boolean
      canceledAt: number | null
      trialEnd: number | null
      pauseCollection: Record<string, unknown> | null
      latestInvoice: string | null
      metadata: Record<string, string>
    }>,
  ): StripeObject => {
    const previous = fields.id ? get(account, fields.id) : undefined
    const item = (previous?.items as { data: Record<string, unknown>[] } | undefined)?.data[0]
    const start = fields.periodStart ?? (item?.current_period_start as number | undefined) ?? now()
    const end = fields.periodEnd ?? (item?.current_period_end as number | undefined) ?? start + 30 * 86400
    const id = fields.id ?? newId('sub')
    const saved = put(account, {
      ...(previous ?? { id, object: 'subscription', created: now(), start_date: start }),
      customer: fields.customer ?? previous?.customer ?? null,
      status: fields.status ?? previous?.status ?? 'active',
      cancel_at_period_end: fields.cancelAtPeriodEnd ?? previous?.cancel_at_period_end ?? false,
      canceled_at: fields.canceledAt !== undefined ? fields.canceledAt : (previous?.canceled_at ?? null),
      trial_end: fields.trialEnd !== undefined ? fields.trialEnd : (previous?.trial_end ?? null),
      pause_collection:
        fields.pauseCollection !== undefined ? fields.pauseCollection : (previous?.pause_collection ?? null),
      latest_invoice: fields.latestInvoice !== undefined ? fields.latestInvoice : (previous?.latest_invoice ?? null),
      metadata: fields.metadata ?? previous?.metadata ?? {},
      items: {
        object: 'list',
        data: [
          {
            id: (item?.id as string | undefined) ?? newId('si'),
            object: 'subscription_item',
            price:
              (item?.price as Record<string, unknown> | undefined) && !fields.price
                ? (item!.price as Record<string, unknown>)
                : { id: fields.price ?? newId('price'), object: 'price', product: `prod_for_${id}` },
            current_period_start: start,
            current_period_end: end,
          },
        ],
      },
    })
    record(account, previous ? 'customer.subscription.updated' : 'customer.subscription.created', saved)
    return saved
  }

  /** An invoice of a subscription (`parent.subscription_details.subscription`). */
  const invoice = (
    account: string,
    fields: Partial<{
      id: string
      subscription: string
      customer: string
      status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible'
      amount: number
      currency: string
      attemptCount: number
      nextPaymentAttempt: number | null
      periodStart: number
      periodEnd: number
      paidAt: number | null
      number: string
    }>,
  ): StripeObject => {
    const previous = fields.id ? get(account, fields.id) : undefined
    const id = fields.id ?? newId('in')
    const status = fields.status ?? (previous?.status as string | undefined) ?? 'open'
    const amount = fields.amount ?? (previous?.amount_due as number | undefined) ?? 0
    const paidAt = fields.paidAt !== undefined ? fields.paidAt : status === 'paid' ? now() : null
    const saved = put(account, {
      ...(previous ?? {
        id,
        object: 'invoice',
        created: now(),
        number: fields.number ?? `FAKE-${id.slice(-8).toUpperCase()}`,
      }),
      customer: fields.customer ?? previous?.customer ?? null,
      status,
      currency: fields.currency ?? previous?.currency ?? 'usd',
      amount_due: amount,
      amount_paid: status === 'paid' ? amount : 0,
      attempt_count: fields.attemptCount ?? previous?.attempt_count ?? 0,
      next_payment_attempt:
        fields.nextPaymentAttempt !== undefined ? fields.nextPaymentAttempt : (previous?.next_payment_attempt ?? null),
      period_start: fields.periodStart ?? previous?.period_start ?? now(),
      period_end: fields.periodEnd ?? previous?.period_end ?? now() + 30 * 86400,
      status_transitions: { paid_at: paidAt },
      payments: {
        object: 'list',
        data:
          status === 'paid'
            ? [
                {
                  object: 'invoice_payment',
                  status: 'paid',
                  payment: { type: 'payment_intent', payment_intent: `pi_for_${id}` },
                },
              ]
            : [],
      },
      hosted_invoice_url: `https://invoice.stripe.test/i/${id}`,
      parent: {
        type: 'subscription_details',
        subscription_details: {
          subscription:
            fields.subscription ??
            (previous?.parent as { subscription_details: { subscription: string } } | undefined)?.subscription_details
              .subscription ??
            null,
        },
      },
    })
    record(
      account,
      status === 'paid' && previous?.status !== 'paid'
        ? 'invoice.paid'
        : previous
          ? 'invoice.updated'
          : 'invoice.created',
      saved,
    )
    return saved
  }

  return {
    host: '127.0.0.1',
    port,
    protocol: 'http' as const,
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The stored object `id` of `account`, or undefined. */
    get: (account: string | null, id: string) => get(account, id),
    subscription,
    invoice,
    /**
     * What Stripe does when a customer pays a Checkout Session: the session completes and, in
     * subscription mode, a subscription carrying `subscription_data.metadata` is created.
     */
    completeCheckout: (account: string, sessionId: string) => {
      const session = get(account, sessionId)
      if (!session) throw new Error(`No session ${sessionId} on ${account}`)
      session.status = 'complete'
      session.payment_status = 'paid'
      if (session.mode === 'subscription') {
        const data = (session.subscription_data as { metadata?: Record<string, string> } | null) ?? {}
        const sub = subscription(account, {
          customer: session.customer as string,
          status: 'active',
          metadata: data.metadata ?? {},
        })
        session.subscription = sub.id
      } else {
        const data = (session.payment_intent_data as Record<string, unknown> | null) ?? {}
        const fee = data.application_fee_amount === undefined ? null : Number(data.application_fee_amount)
        const intent = put(account, {
          id: newId('pi'),
          object: 'payment_intent',
          amount: Number(session.amount_total ?? 0),
          currency: session.currency,
          status: 'succeeded',
          metadata: (data.metadata as Record<string, string> | undefined) ?? {},
          application_fee_amount: fee,
          created: now(),
        })
        // Connect: the platform's application fee lives on the platform account (`fee.amount_refunded` moves with refunds).
        if (fee !== null)
          put(null, {
            id: `fee_for_${intent.id}`,
            object: 'application_fee',
            account,
            amount: fee,
            amount_refunded: 0,
            originating_transaction: intent.id,
            created: now(),
          })
        session.payment_intent = intent.id
      }
      return structuredClone(session)
    },
    /**
     * A refund made in Stripe's dashboard (no metadata of ours) on `paymentIntent`; returns the
     * charge as `charge.refunded` carries it (`amount_refunded` = all refunds of the intent).
     */
    refundInDashboard: (account: string, paymentIntent: string, amount: number) => {
      put(account, {
        id: newId('re'),
        object: 'refund',
        amount,
        payment_intent: paymentIntent,
        status: 'succeeded',
        metadata: {},
        created: now(),
      })
      const refunded = [...store(account).values()]
        .filter((o) => o.object === 'refund' && o.payment_intent === paymentIntent)
        .reduce((sum, o) => sum + Number(o.amount), 0)
      return {
        id: `ch_for_${paymentIntent}`,
        object: 'charge',
        payment_intent: paymentIntent,
        amount_refunded: refunded,
        refunded: true,
        status: 'succeeded',
      } as StripeObject
    },
    /** The owner finishes Stripe's onboarding: the account can take charges. */
    completeOnboarding: (accountId: string) => {
      const account = get(null, accountId)
      if (!account) throw new Error(`No account ${accountId}`)
      Object.assign(account, {
        charges_enabled: true,
        details_submitted: true,
        requirements: { currently_due: [], disabled_reason: null },
      })
      return structuredClone(account)
    },
    /** Stripe disables charges on an account (requirements past due): `account.updated` follows. */
    restrictAccount: (
      accountId: string,
      disabledReason = 'requirements.past_due',
      currentlyDue: string[] = ['individual.verification.document'],
    ) => {
      const account = get(null, accountId)
      if (!account) throw new Error(`No account ${accountId}`)
      Object.assign(account, {
        charges_enabled: false,
        requirements: { currently_due: currentlyDue, disabled_reason: disabledReason },
      })
      return structuredClone(account)
    },
    /** A webhook event snapshot of `object` as a connected account sends it. */
    event: (
      type: string,
      object: StripeObject,
      { account, created = now(), id = newId('evt') }: { account: string; created?: number; id?: string },
    ) =>
      ({
        id,
        object: 'event',
        api_version: Stripe.API_VERSION,
        type,
        created,
        account,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        data: { object: structuredClone(object) },
      }) as unknown as Stripe.Event,
    /** The next `times` requests starting with `prefix` (e.g. `GET /v1/subscriptions`) answer 500. */
    failNext: (prefix: string, times: number) => void outages.set(prefix, times),
    /** Forgets the recorded requests (state stays). */
    clearRequests: () => {
      requests.length = 0
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>
