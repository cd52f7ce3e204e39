import type { Config } from 'payload'
import { defineEvents, subscribe, type Subscriber } from '@/core'
import { lmsEventSchemas } from './contract'
import { grantsFromOrder } from './operations/grantsFromOrder'
import { revokeOrderGrants } from './operations/grantPurchase'
import { certificateSubscriber } from './operations/certificateSubscriber'
import { assignmentGradedNotice, assignmentReturnedNotice } from './operations/assignmentNotice'

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

/**
 * The events lms emits, registered with their zod schemas (declared in contract.ts), and the ones
 * it consumes: commerce's order.paid / order.refunded (without commerce they never arrive), its own
 * course.completed (the certificate) and assignment.graded / assignment.returned (the member's e-mail).
 */
export const withLmsEvents = (config: Config): Config =>
  subscribe(
    defineEvents(config, lmsEventSchemas),
    orderPaidSubscriber,
    orderRefundedSubscriber,
    certificateSubscriber,
    assignmentGradedNotice,
    assignmentReturnedNotice,
  )
