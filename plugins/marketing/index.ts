import type { Plugin } from 'payload'
import { defaultOptions, defaultWebhookOptions } from './defaults'
import { withMarketingEvents } from './events'
import type { MarketingOptions } from './types'
import { withWebhooks } from './withWebhooks'
import { withAutomations } from './automations/withAutomations'
import { withCrm } from './withCrm'
// ---- HubSpot ----
import { defaultHubspotOptions } from './defaults'
import { withHubspot } from './integrations/hubspot/withHubspot'
// ---- /HubSpot ----

export type { MarketingOptions } from './types'

/** Automations and messages, leads and CRM, announcements and notifications, outbound webhooks and integrations (see README.md). */
export const marketingPlugin =
  (options: MarketingOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultOptions, ...options }
    let next = withMarketingEvents(config)
    // ---- Webhooks (outbound webhooks, Zapier, Slack) ----
    next = withWebhooks(next, {
      adminGroup: o.adminGroup,
      webhooks: { ...defaultWebhookOptions, ...options.webhooks },
    })
    // ---- Automations and messaging ----
    next = withAutomations(next, o)
    // ---- /Automations and messaging ----
    // ---- CRM and announcements ----
    next = withCrm(next, o)
    // ---- end CRM ----
    // ---- HubSpot ----
    next = withHubspot(next, {
      adminGroup: o.adminGroup,
      hubspot: options.hubspot === false ? false : { ...defaultHubspotOptions, ...options.hubspot },
    })
    // ---- /HubSpot ----
    return next
  }
