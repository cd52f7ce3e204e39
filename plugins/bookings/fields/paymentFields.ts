import type { Field } from 'payload'

const systemOnly = { create: () => false, update: () => false }

/** How a booking, appointment or RSVP was paid (`guards.canBook`'s answer) and what entitled it: system-only, read-only. */
export const paymentFields = (): Field[] => [
  {
    name: 'paymentMethod',
    type: 'select',
    options: ['membership', 'credits', 'drop_in', 'complimentary', 'free'],
    access: systemOnly,
    admin: { readOnly: true },
  },
  { name: 'paymentReference', type: 'json', access: systemOnly, admin: { readOnly: true } },
]
