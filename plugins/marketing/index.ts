import type { Plugin } from 'payload'
import { defaultMailchimpOptions, defaultOptions, defaultWebhookOptions } from './defaults'
import { withMarketingEvents } from './events'
import type { MarketingOptions } from './types'
import { withWebhooks } from './withWebhooks'
import { withAutomations } from './automations/withAutomations'
import { withCrm } from './withCrm'
import { withPush } from './withPush' // Web push
import { withMailchimpSuppression } from './withMailchimpSuppression'
import { withAbTest } from './abtest/withAbTest'
// ---- HubSpot ----
import { defaultHubspotOptions } from './defaults'
import { withHubspot } from './integrations/hubspot/withHubspot'
// ---- /HubSpot ----
import { withPrivacy } from './withPrivacy' // mkt_rest: GDPR erasure

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
    // ---- Branching and A/B ----
    next = withAbTest(next, o)
    // ---- /Branching and A/B ----
    // ---- CRM and announcements ----
    next = withCrm(next, o)
    // ---- end CRM ----
    // ---- Web push ----
    next = withPush(next, o)
    // ---- /Web push ----
    // ---- Mailchimp and suppression ----
    next = withMailchimpSuppression(next, {
      adminGroup: o.adminGroup,
      mailchimp: { ...defaultMailchimpOptions, ...options.mailchimp },
      smsAdapter: o.smsAdapter,
    })
    // ---- /Mailchimp and suppression ----
    // ---- HubSpot ----
    next = withHubspot(next, {
      adminGroup: o.adminGroup,
      hubspot: options.hubspot === false ? false : { ...defaultHubspotOptions, ...options.hubspot },
    })
    // ---- /HubSpot ----
    next = withPrivacy(next) // mkt_rest: GDPR erasure
    return next
  }
