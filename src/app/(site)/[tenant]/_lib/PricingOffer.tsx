import type { OfferReply } from '@plugins/website/contract'
import { callEndpoint } from './callEndpoint'
import { dateTime, zoneAbbr } from './format'
import type { Site } from './site'

export type PricingOffer = NonNullable<OfferReply['offer']>

/**
 * The advertised offer `id` of the site's tenant as the pricing page shows it, through the website
 * plugin's public `GET /api/website/offer` (in-process, anonymous): null when it is not running
 * (unknown, another tenant's, ended, used up, withdrawn) or without the plugin.
 */
export const readPricingOffer = async (site: Site, id: string): Promise<PricingOffer | null> => {
  const answer = await callEndpoint<OfferReply>({
    path: '/website/offer',
    method: 'get',
    query: { tenant: site.tenant.slug, id },
  })
  return answer.status === 200 ? (answer.body.offer ?? null) : null
}

/**
 * The offer a visitor followed a link to (`/pricing?offer=<id>`, e.g. from the studio's Google
 * Business post): its name, description, terms and end in the tenant's zone, and how its code is
 * applied; a polite notice when it is not available (any more).
 */
export function PricingOfferNotice({ site, offer }: { site: Site; offer: PricingOffer | null }) {
  if (!offer)
    return (
      <p className="notice offer-gone" role="status">
        This offer is not available any more: it may have ended or been fully used. Here are our current prices.
      </p>
    )
  const zone = site.tenant.timezone || 'UTC'
  return (
    <section className="card offer-card" aria-labelledby="offer-title" data-offer={offer.id}>
      <p className="muted kind">Offer</p>
      <h2 id="offer-title">{offer.title}</h2>
      {offer.description ? <p>{offer.description}</p> : null}
      <p>
        Valid until{' '}
        <time dateTime={offer.endsAt}>
          {dateTime(offer.endsAt, zone)} {zoneAbbr(offer.endsAt, zone)}
        </time>
        .
      </p>
      {offer.couponCode ? (
        <p>
          Code <strong className="offer-code">{offer.couponCode}</strong>: applied when you buy a class pack or pass
          below.
        </p>
      ) : (
        <p>Applied automatically when you buy a class pack or pass below.</p>
      )}
      {offer.terms ? <p className="muted offer-terms">Terms: {offer.terms}</p> : null}
    </section>
  )
}
