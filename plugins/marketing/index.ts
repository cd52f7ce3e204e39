import type { Plugin } from 'payload'
import { defaultOptions } from './defaults'
import { withMarketingEvents } from './events'
import type { MarketingOptions } from './types'
import { withCrm } from './withCrm'

export type { MarketingOptions } from './types'

/** Automations and messages, leads and CRM, announcements and notifications, outbound webhooks and integrations (see README.md). */
export const marketingPlugin =
  (options: MarketingOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultOptions, ...options }
    let next = withMarketingEvents(config)
    // ---- CRM and announcements ----
    next = withCrm(next, o)
    // ---- end CRM ----
    return next
  }
