/** Jobs of the Stripe adapter (slugs shared by the tasks and the code that queues them). */
export const PROCESS_STRIPE_EVENT_TASK = 'processStripeEvent'
export const SEND_DUNNING_NOTICE_TASK = 'sendDunningNotice'
export const SYNC_STRIPE_PRICES_TASK = 'syncStripePrices'
export const RECONCILE_STRIPE_TASK = 'reconcileStripeSubscriptions'
