import type { Config, PayloadRequest } from 'payload'
import { defineEvents, subscribe, type Subscriber } from '@/core'
import { lmsEventSchemas } from './contract'
import { grantsFromOrder } from './operations/grantsFromOrder'
import { revokeOrderGrants } from './operations/grantPurchase'
import { portalGrantsFromRsvp, revokeGrantsFrom } from './operations/portalGrants'
import { syncContentSubscription } from './operations/syncContentSubscription'
import { certificateSubscriber } from './operations/certificateSubscriber'
import { assignmentGradedNotice, assignmentReturnedNotice } from './operations/assignmentNotice'
import { completeLiveLessons } from './operations/completeLiveLessons'

/** A paid order (commerce) grants what its lines bought: courses and content items (`purchased`). */
export const orderPaidSubscriber: Subscriber<'order.paid'> = {
  name: 'lms.grantPurchase',
  event: 'order.paid',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    await grantsFromOrder(req, { tenant: event.tenant, order: event.data.id })
  },
}

/** A fully refunded order (commerce) revokes the grants it made. A partial refund keeps access. */
export const orderRefundedSubscriber: Subscriber<'order.refunded'> = {
  name: 'lms.revokeRefundedPurchase',
  event: 'order.refunded',
  handler: async (event, { req }) => {
    if (!event.tenant || event.data.status !== 'refunded') return
    await revokeOrderGrants(req, { tenant: event.tenant, order: event.data.order, reason: 'refund' })
  },
}

// ---- access sources ----

type Envelope = { tenant: string | null; subject: { collection: string; id: string } | null }

/** Billing's subscription events: each re-reads the subscription into `content-subscriptions`. */
const syncFrom = async (e: Envelope, req: PayloadRequest) => {
  if (!e.tenant || e.subject?.collection !== 'subscriptions') return
  await syncContentSubscription(req, { tenant: e.tenant, subscription: e.subject.id })
}
const handler = (e: Envelope, { req }: { req: PayloadRequest }) => syncFrom(e, req)

/** One subscriber per billing subscription event (without billing they never arrive). */
export const subscriptionSubscribers: Subscriber[] = [
  { name: 'lms.syncSubscription.created', event: 'subscription.created', handler },
  { name: 'lms.syncSubscription.activated', event: 'subscription.activated', handler },
  { name: 'lms.syncSubscription.renewed', event: 'subscription.renewed', handler },
  { name: 'lms.syncSubscription.canceled', event: 'subscription.canceled', handler },
  { name: 'lms.syncSubscription.ended', event: 'subscription.ended', handler },
  { name: 'lms.syncSubscription.paused', event: 'subscription.paused', handler },
  { name: 'lms.syncSubscription.resumed', event: 'subscription.resumed', handler },
  { name: 'lms.syncSubscription.pastDue', event: 'subscription.past_due', handler },
  { name: 'lms.syncSubscription.planChanged', event: 'subscription.plan_changed', handler },
]

/** An RSVP that holds a place (bookings: going, or promoted from the waitlist) opens the event's portal resources. */
const portalHandler = async (e: Envelope, { req }: { req: PayloadRequest }) => {
  if (!e.tenant || e.subject?.collection !== 'event-rsvps') return
  await portalGrantsFromRsvp(req, { tenant: e.tenant, rsvp: e.subject.id })
}
export const rsvpPortalSubscribers: Subscriber[] = [
  { name: 'lms.portalGrant.created', event: 'event.rsvp_created', handler: portalHandler },
  { name: 'lms.portalGrant.promoted', event: 'rsvp.promoted', handler: portalHandler },
]

/** A cancelled RSVP (also each RSVP of a cancelled event) revokes the portal grants it made. */
export const rsvpCancelledSubscriber: Subscriber<'event.rsvp_cancelled'> = {
  name: 'lms.revokePortalGrant',
  event: 'event.rsvp_cancelled',
  handler: async (event, { req }) => {
    if (!event.tenant || event.subject?.collection !== 'event-rsvps') return
    await revokeGrantsFrom(req, {
      tenant: event.tenant,
      source: { collection: 'event-rsvps', id: event.subject.id },
      reason: 'rsvp_cancelled',
    })
  },
}

// ---- end access sources ----

// ---- live lessons ----

/** A check-in to a class (bookings) completes the live-session lessons linked to it for the member (idempotent). */
export const checkedInSubscriber: Subscriber<'booking.checked_in'> = {
  name: 'lms.completeLiveLesson',
  event: 'booking.checked_in',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    await completeLiveLessons(req, { tenant: event.tenant, class: event.data.class, member: event.data.member })
  },
}

// ---- /live lessons ----

/**
 * The events lms emits, registered with their zod schemas (declared in contract.ts), and the ones
 * it consumes: commerce's order.paid / order.refunded (without commerce they never arrive), its own
 * course.completed (the certificate), assignment.graded / assignment.returned (the member's e-mail)
 * and bookings' booking.checked_in (live-session lessons).
 */
export const withLmsEvents = (config: Config): Config =>
  subscribe(
    defineEvents(config, lmsEventSchemas),
    orderPaidSubscriber,
    orderRefundedSubscriber,
    certificateSubscriber,
    assignmentGradedNotice,
    assignmentReturnedNotice,
    ...subscriptionSubscribers,
    ...rsvpPortalSubscribers,
    rsvpCancelledSubscriber,
    checkedInSubscriber,
  )
