import type { Field } from 'payload'

/** Defaults of the `commerce` settings group (also used when a tenant has no settings row). */
export const DEFAULT_RESERVATION_HOLD_DAYS = 7
export const DEFAULT_CHECKOUT_HOLD_MINUTES = 30

/** The `commerce` group the plugin appends to core's tenant-settings: how long unpaid orders hold stock. */
export const commerceSettingsField = (): Field => ({
  name: 'commerce',
  type: 'group',
  admin: {
    description:
      'How long an unpaid (pending) order holds its stock, coupon use and gift-card amount before it is cancelled automatically.',
  },
  fields: [
    {
      name: 'reservationHoldDays',
      type: 'number',
      min: 1,
      max: 365,
      defaultValue: DEFAULT_RESERVATION_HOLD_DAYS,
      admin: { step: 1, description: 'A reservation to pay at the desk is cancelled after this many days unpaid.' },
    },
    {
      name: 'checkoutHoldMinutes',
      type: 'number',
      min: 30,
      max: 1440,
      defaultValue: DEFAULT_CHECKOUT_HOLD_MINUTES,
      admin: {
        step: 1,
        description:
          'An order waiting for a Stripe Checkout payment is cancelled after this many minutes (Stripe allows 30 to 1440).',
      },
    },
  ],
})
