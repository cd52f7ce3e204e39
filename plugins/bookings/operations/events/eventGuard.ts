import type { PayloadRequest } from 'payload'
import { callPort } from '@/core'
import { canBookPort, type CanBookResult } from '@plugins/bookings/contract'
import type { EventRow } from '../format/eventJson'

/** `guards.canBook` for a member's place at an event (an RSVP, or a promotion from its waitlist). */
export const eventGuard = (req: PayloadRequest, event: EventRow, member: string): Promise<CanBookResult> =>
  callPort(req, canBookPort, {
    tenant: event.tenant,
    member,
    target: { collection: 'events', id: event.id },
    startTime: event.startTime.toISOString(),
    price: event.price,
    creditCost: event.creditCost,
  })
