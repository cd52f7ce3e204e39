import type { Endpoint, PayloadRequest } from 'payload'
import { callPort, endpointHandler, OperationError } from '@/core'
import { advertisedOfferPort, offerQuery, type OfferReply } from '../contract'
import { sitemapContext } from '../sitemap/sitemapContext'

/** Shared caches may keep an answer a minute (the pricing page renders it into its cached offer view anyway). */
const OFFER_CACHE = 'public, max-age=60, s-maxage=60'

/**
 * The offer `id` of the tenant as the pricing page shows it (`/pricing?offer=<id>`, the link of its
 * Google Business OFFER post): through `advertisedOfferPort` (commerce's advertised coupons), only
 * while it runs (started, not ended; the port answers null once withdrawn or used up). Null otherwise.
 */
export const readOffer = async (
  req: PayloadRequest,
  tenant: string,
  id: string,
  now = new Date(),
): Promise<OfferReply['offer']> => {
  const offer = await callPort(req, advertisedOfferPort, { tenant, id })
  if (!offer || new Date(offer.startsAt) > now || new Date(offer.endsAt) <= now) return null
  return {
    id,
    title: offer.title,
    description: offer.description,
    terms: offer.terms,
    couponCode: offer.couponCode,
    startsAt: offer.startsAt,
    endsAt: offer.endsAt,
  }
}

/** `GET /api/website/offer?tenant=<slug>&id=<offer id>` → `OfferReply` (public; 404 for a closed or unknown site, 400 for a bad id). */
export const offerEndpoint: Endpoint = {
  path: '/website/offer',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const search = new URL(req.url ?? 'http://x/').searchParams
      const query = offerQuery.parse({ tenant: (search.get('tenant') ?? '').toLowerCase(), id: search.get('id') ?? '' })
      const ctx = await sitemapContext(req.payload, query.tenant)
      if (!ctx) throw new OperationError(404, 'not_found', 'No public site for this tenant.')
      const reply: OfferReply = { offer: await readOffer(req, ctx.tenant.id, query.id.toLowerCase()) }
      return Response.json(reply, { headers: { 'cache-control': OFFER_CACHE } })
    },
    { transaction: false },
  ),
}
