import type { Subscriber } from '@/core'
import { releaseUsage } from './operations/releaseUsage'

/** Events billing consumes. */
export const billingSubscribers: Subscriber[] = [
  { name: 'billing.releaseUsage', event: 'booking.cancelled', handler: releaseUsage },
]
