import type { Field } from 'payload'
import { HHMM } from '../operations/messaging/quietHours'

const hhmm = (value: string | null | undefined) =>
  value == null || value === '' || HHMM.test(value) ? true : 'Use HH:MM (24 h).'

/** The `marketing` group the plugin appends to core's tenant-settings: sending rules of automations. */
export const marketingSettingsField = (defaults: {
  quietHours: { start: string; end: string }
  frequencyCap: number
}): Field => ({
  name: 'marketing',
  type: 'group',
  admin: { description: 'Sending rules of marketing messages (automations).' },
  fields: [
    {
      name: 'quietHours',
      type: 'group',
      admin: {
        description: `No marketing message goes out between these local times; empty = ${defaults.quietHours.start}–${defaults.quietHours.end}.`,
      },
      fields: [
        { name: 'start', type: 'text', validate: hhmm },
        { name: 'end', type: 'text', validate: hhmm },
      ],
    },
    {
      name: 'frequencyCap',
      type: 'number',
      min: 0,
      admin: {
        description: `Most marketing messages per member in a rolling 7 days; empty = ${defaults.frequencyCap}.`,
      },
    },
  ],
})
