import type { Config } from 'payload'
import { defineEvents, subscribe } from '@/core'
import { websiteEventSchemas } from './contract'
// ---- gbp ----
import { gbpOfferSubscriber } from './gbp/gbpOfferSubscriber'
// ---- /gbp ----

/**
 * The events the website plugin emits (declared in contract.ts), and the one it consumes: commerce's
 * `coupon.offer_changed` (advertised offers → Google Business Profile OFFER posts).
 */
export const withWebsiteEvents = (config: Config): Config =>
  subscribe(defineEvents(config, websiteEventSchemas), gbpOfferSubscriber)
