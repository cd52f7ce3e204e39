import type { TextField } from 'payload'

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/

/** A wall-clock time `HH:MM` (00:00–24:00) in the resource's zone. */
export const localTimeField = (name: string, label: string): TextField => ({
  name,
  label,
  type: 'text',
  required: true,
  admin: { placeholder: 'HH:MM', width: '25%' },
  validate: (value: unknown) =>
    typeof value === 'string' && HH_MM.test(value) ? true : 'A time of day as HH:MM (24 h, up to 24:00).',
})
