import type { Config } from 'payload'
import { defineEvents, subscribe } from '@/core'
import { marketingEventSchemas } from './contract'
import { handleTriggerEvent } from './operations/automations/handleTriggerEvent'
import { triggerSubscribers } from './operations/automations/triggers'
import { cloneTemplates } from './operations/automations/cloneTemplates'
import { lowCreditsAfterSpend } from './operations/automations/lowCreditsAfterSpend' // Holdings triggers

/** The events the marketing plugin emits (declared in contract.ts). */
export const withMarketingEvents = (config: Config): Config => defineEvents(config, marketingEventSchemas)

// ---- Automations and messaging ----
/**
 * The automations' subscribers: every trigger event enrols matching members (an event of a
 * plugin that is not installed never arrives), and a new tenant gets its copies of the
 * platform's templates.
 */
export const withAutomationSubscribers = (config: Config): Config =>
  subscribe(
    config,
    ...triggerSubscribers((event, hit, req) => handleTriggerEvent(req, event, hit)),
    {
      name: 'marketing.automations.cloneTemplates',
      event: 'tenant.created',
      handler: async (event, { req }) => {
        if (event.tenant) await cloneTemplates(req, event.tenant)
      },
    },
    // ---- Holdings triggers ----
    // Credits spent on a class or an appointment: the low-credits check runs now, not at the next hour.
    {
      name: 'marketing.automations.lowCredits.booking',
      event: 'booking.created',
      handler: async (event, { req }) => {
        if (event.tenant && event.data.paymentMethod === 'credits')
          await lowCreditsAfterSpend(req, event.tenant, event.data.member)
      },
    },
    {
      name: 'marketing.automations.lowCredits.appointment',
      event: 'appointment.booked',
      handler: async (event, { req }) => {
        if (event.tenant && event.data.member && event.data.paymentMethod === 'credits')
          await lowCreditsAfterSpend(req, event.tenant, event.data.member)
      },
    },
    // ---- /Holdings triggers ----
  )
// ---- /Automations and messaging ----
