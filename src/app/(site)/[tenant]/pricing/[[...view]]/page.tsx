import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { hasCollection, siteTag } from '@/core'
import { getEnv } from '@/core/env'
import type { PlanFeature } from '@/payload-types'
import { readView } from '../../../siteView'
import { hasEndpoint } from '../../_lib/callEndpoint'
import { Flash } from '../../_lib/Flash'
import { interval, money } from '../../_lib/format'
import { buy } from '../../_lib/memberActions'
import { PricingOfferNotice, readPricingOffer, type PricingOffer } from '../../_lib/PricingOffer'
import { href, loadSite, payloadInstance, showsTags, type Site } from '../../_lib/site'
import { VisitorSwitch } from '../../_lib/VisitorState'

/**
 * Cached per view (`?offer=&error=&checkout=&pay=`, carried in the path by the proxy), the same for every
 * visitor: the buttons for a visitor, a signed-in account and a member are all rendered and the
 * browser shows the one for who is signed in. Re-rendered when plans, features or products change.
 */
export const revalidate = 60
/** Views are rendered on their first visit (none at build time), then served from the cache. */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; view?: string[] }> }

type Feature = PlanFeature

/** Product kinds sold on the website (retail and café items are sold at the desk). */
const SOLD_ONLINE = ['credit_pack', 'day_pass', 'gift_card']
/** Most items of one product per purchase on the website (the buy action accepts 1–10). */
const MAX_QUANTITY = 10
const KIND_LABEL: Record<string, string> = { credit_pack: 'Class pack', day_pass: 'Day pass', gift_card: 'Gift card' }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return { title: 'Pricing', description: `Memberships, class packs, day passes and gift cards at ${site.name}.` }
}

/** Public catalogue of this tenant, read as an anonymous visitor (`overrideAccess: false`). */
const readCatalogue = async (site: Site) => {
  const payload = await payloadInstance()
  const has = (slug: string) => hasCollection(payload, slug)
  const tenant = { tenant: { equals: site.tenant.id } }
  const [plans, products] = await Promise.all([
    has('membership-plans')
      ? payload.find({
          collection: 'membership-plans',
          where: { and: [tenant, { active: { equals: true } }] },
          sort: 'name',
          limit: 50,
          depth: 0,
          overrideAccess: false,
        })
      : null,
    has('products')
      ? payload.find({
          collection: 'products',
          where: { and: [tenant, { isActive: { not_equals: false } }, { kind: { in: SOLD_ONLINE } }] },
          sort: 'name',
          limit: 50,
          depth: 0,
          overrideAccess: false,
        })
      : null,
  ])
  const planDocs = (plans?.docs ?? [])
    .map((plan) => ({ ...plan, prices: (plan.prices ?? []).filter((price) => price.active !== false) }))
    .filter((plan) => plan.prices.length > 0)
  const features =
    planDocs.length && has('plan-features')
      ? (
          await payload.find({
            collection: 'plan-features',
            where: { plan: { in: planDocs.map((plan) => plan.id) } },
            limit: 500,
            depth: 0,
            overrideAccess: false,
          })
        ).docs
      : []
  return { plans: planDocs, features, products: products?.docs ?? [] }
}

/** "Unlimited classes", "8 classes each month", "Events included". */
const featureText = (feature: Feature, per: string) => {
  const what = feature.featureKey.replace(/_/g, ' ')
  if (feature.value === 'false') return null
  if (feature.value === 'unlimited') return `Unlimited ${what}`
  if (feature.value === 'true') return `${what.charAt(0).toUpperCase()}${what.slice(1)} included`
  if (/^\d+$/.test(feature.value))
    return `${feature.value} ${Number(feature.value) === 1 ? what.replace(/s$/, '') : what} each ${per}`
  return `${what}: ${feature.value}`
}

type Mode = {
  online: boolean
  reservePlans: boolean
  reserveProducts: boolean
  /** The pricing page's own URL (with `?offer=` on an offer's view): sign-in and join links come back to it. */
  back: string
  /** On an offer's view: the offer (sent with each purchase) and its code (applied to products). */
  offer: PricingOffer | null
}

/** The button of one plan price or product: checkout online, reserve for the desk, or sign in first. */
const BuyButton = ({
  site,
  mode,
  kind,
  fields,
  label,
  name,
  maxQuantity = 0,
  coupon,
}: {
  site: Site
  mode: Mode
  kind: 'plan' | 'product'
  fields: Record<string, string>
  label: string
  name: string
  /** Products: offer a quantity picker from 1 to this (0 = none, one item). */
  maxQuantity?: number
  /** The coupon code of the offer this view shows, sent with the purchase. */
  coupon?: string
}) => {
  const pricing = mode.back
  const online = mode.online
  const reservable = kind === 'plan' ? mode.reservePlans : mode.reserveProducts
  const signIn = (
    <a
      className="button"
      href={`${href(site, '/login')}?${new URLSearchParams({ next: pricing })}`}
      aria-label={`Log in to buy ${name}`}
    >
      Log in to buy
    </a>
  )
  const join = (
    <a className="button" href={`${href(site, '/join')}?${new URLSearchParams({ next: pricing })}`}>
      Join {site.name} first
    </a>
  )
  const purchase =
    !online && !reservable ? (
      <p className="hint">Ask at the front desk to buy this.</p>
    ) : (
      <form action={buy}>
        <input type="hidden" name="site" value={site.key} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="pay" value={online ? 'online' : 'desk'} />
        {mode.offer ? <input type="hidden" name="offer" value={mode.offer.id} /> : null}
        {coupon ? <input type="hidden" name="coupon" value={coupon} /> : null}
        {Object.entries(fields)
          .filter(([key]) => !(key === 'quantity' && maxQuantity > 1))
          .map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
        {maxQuantity > 1 ? (
          <div className="field quantity-field">
            <label htmlFor={`quantity-${fields.product}`}>Quantity</label>
            <select id={`quantity-${fields.product}`} name="quantity" defaultValue="1">
              {Array.from({ length: maxQuantity }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button
          type="submit"
          className="button"
          aria-label={`${online ? label : 'Reserve'} ${name}${online ? '' : ', pay at the front desk'}`}
        >
          {online ? label : 'Reserve — pay at the desk'}
        </button>
      </form>
    )
  return <VisitorSwitch anonymous={signIn} visitor={join} member={purchase} />
}

/** Memberships and products of the tenant, bought through Stripe Checkout or reserved and paid at the desk. */
export default async function PricingPage({ params }: Props) {
  const { tenant, view } = await params
  const query = readView('pricing', view)
  if (!query) notFound()
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  await showsTags(siteTag(site.tenant.id, 'pricing'))
  const [catalogue, reservePlans, reserveProducts, offer] = await Promise.all([
    readCatalogue(site),
    hasEndpoint('subscriptions', '/reserve', 'post'),
    hasEndpoint('orders', '/reserve', 'post'),
    query.offer ? readPricingOffer(site, query.offer) : null,
  ])
  // Online payment when the platform has a Stripe key, unless checkout just said this studio is not connected.
  const mode: Mode = {
    online: Boolean(getEnv().STRIPE_SECRET_KEY) && query.pay !== 'desk',
    reservePlans,
    reserveProducts,
    back: query.offer
      ? `${href(site, '/pricing')}?${new URLSearchParams({ offer: query.offer })}`
      : href(site, '/pricing'),
    offer,
  }
  const checkout = query.checkout

  return (
    <>
      <h1>Pricing</h1>
      <p className="lead">
        {mode.online
          ? 'Join or buy online with a card.'
          : reservePlans || reserveProducts
            ? 'Reserve online and pay at the front desk on your next visit.'
            : 'Ask at the front desk to buy any of these.'}
      </p>
      <Flash
        error={query.error}
        success={
          checkout === 'success'
            ? 'Thank you! Your payment went through; it shows in your account in a moment.'
            : checkout === 'canceled'
              ? 'Payment cancelled: nothing was charged.'
              : null
        }
      />
      {query.offer ? <PricingOfferNotice site={site} offer={offer} /> : null}

      <section aria-labelledby="plans-title">
        <h2 id="plans-title">Memberships</h2>
        {catalogue.plans.length === 0 ? (
          <p className="muted">No memberships are offered online right now.</p>
        ) : (
          <ul className="cards pricing-cards">
            {catalogue.plans.map((plan) => {
              const features = catalogue.features.filter(
                (f) => (typeof f.plan === 'object' ? f.plan.id : f.plan) === plan.id,
              )
              return (
                <li key={plan.id} className="card plan-card" data-plan={plan.name}>
                  <h3>{plan.name}</h3>
                  {plan.description ? <p>{plan.description}</p> : null}
                  <ul className="features">
                    {plan.trialDays ? <li>{plan.trialDays}-day free trial</li> : null}
                    {features.map((feature) => {
                      const textLine = featureText(
                        feature,
                        plan.prices[0]?.interval === 'one_time' ? 'period' : (plan.prices[0]?.interval ?? 'period'),
                      )
                      return textLine ? <li key={feature.featureKey}>{textLine}</li> : null
                    })}
                    {plan.creditGrantPerPeriod ? (
                      <li>
                        {plan.creditGrantPerPeriod} {plan.creditGrantPerPeriod === 1 ? 'credit' : 'credits'} each period
                        {plan.creditExpiryDays ? `, valid ${plan.creditExpiryDays} days` : ''}
                      </li>
                    ) : null}
                    {plan.guestPassesPerPeriod ? (
                      <li>
                        {plan.guestPassesPerPeriod} guest {plan.guestPassesPerPeriod === 1 ? 'pass' : 'passes'} each
                        period
                      </li>
                    ) : null}
                  </ul>
                  {plan.prices.map((price) => (
                    <div key={price.key} className="price-row">
                      <p className="price">
                        <strong>{money(price)}</strong>{' '}
                        <span className="muted">/ {interval(price.interval, price.intervalCount)}</span>
                      </p>
                      <BuyButton
                        site={site}
                        mode={mode}
                        kind="plan"
                        fields={{ plan: plan.id, priceKey: price.key }}
                        label={plan.trialDays ? 'Start free trial' : 'Join'}
                        name={`${plan.name} (${money(price)} / ${interval(price.interval, price.intervalCount)})`}
                      />
                    </div>
                  ))}
                </li>
              )
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="products-title">
        <h2 id="products-title">Class packs, passes and gift cards</h2>
        {catalogue.products.length === 0 ? (
          <p className="muted">Nothing else is sold online right now.</p>
        ) : (
          <ul className="cards pricing-cards">
            {catalogue.products.map((product) => (
              <li key={product.id} className="card product-card" data-product={product.name}>
                <p className="muted kind">{KIND_LABEL[product.kind] ?? product.kind}</p>
                <h3>{product.name}</h3>
                {product.description ? <p>{product.description}</p> : null}
                {product.kind === 'credit_pack' && product.pack?.credits ? (
                  <p>
                    {product.pack.credits}{' '}
                    {product.pack.creditType && product.pack.creditType !== 'class'
                      ? product.pack.creditType.replace(/_/g, ' ')
                      : 'class'}{' '}
                    credits
                    {product.pack.validityDays ? `, valid ${product.pack.validityDays} days` : ', no expiry'}
                  </p>
                ) : null}
                <p className="price">
                  <strong>{money(product.price)}</strong>
                </p>
                {product.stockQuantity === 0 ? (
                  <p className="muted">Sold out</p>
                ) : (
                  <BuyButton
                    site={site}
                    mode={mode}
                    kind="product"
                    fields={{ product: product.id, quantity: '1' }}
                    // The offer's code, applied by commerce at purchase (gift cards take no discount).
                    coupon={product.kind === 'gift_card' ? undefined : (offer?.couponCode ?? undefined)}
                    label="Buy"
                    name={product.name}
                    maxQuantity={Math.min(MAX_QUANTITY, product.stockQuantity ?? MAX_QUANTITY)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <VisitorSwitch
        anonymous={
          <p>
            New here?{' '}
            <a href={`${href(site, '/signup')}?${new URLSearchParams({ next: mode.back })}`}>Create an account</a> to
            join or buy.
          </p>
        }
      />
    </>
  )
}
