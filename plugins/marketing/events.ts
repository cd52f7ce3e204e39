import type { Config } from 'payload'
import { defineEvents, subscribe } from '@/core'
import { marketingEventSchemas } from './contract'
import { handleTriggerEvent } from './operations/automations/handleTriggerEvent'
import { triggerSubscribers } from './operations/automations/triggers'
import { cloneTemplates } from './operations/automations/cloneTemplates'

/** The events the marketing plugin emits (declared in contract.ts). */
export const withMarketingEvents = (config: Config): Config => defineEvents(config, marketingEventSchemas)

// ---- Automations and messaging ----
/**
 * The automations' subscribers: every trigger event enrols matching members (an event of a
 * plugin that is not installed never arrives), and a new tenant gets its copies of the
 * platform's templates.
 */
export const withAutomationSubscribers = (config: Config): Config =>
  subscribe(config, ...triggerSubscribers((event, hit, req) => handleTriggerEvent(req, event, hit)), {
    name: 'marketing.automations.cloneTemplates',
    event: 'tenant.created',
    handler: async (event, { req }) => {
      if (event.tenant) await cloneTemplates(req, event.tenant)
    },
  })
// ---- /Automations and messaging ----
