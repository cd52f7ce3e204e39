import type { Config } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { defineEvents, runSql, subscribe, usersTable, type Subscriber } from '@/core'
import { facilityEventSchemas } from './contract'
import { dayPassesRefundedSubscriber, dayPassesSubscriber, feePaidSubscriber } from './feeSubscribers'
import { memberTiersTable } from './operations/sql/facilityTiersTable'

const REASONS = { member: 'at your request', staff: 'by the club', closure: 'because the club is closed then' }

/** A member hears of a reservation the club (staff or a closure) cancelled, by e-mail, from the queue. */
export const notifyCancelledSubscriber: Subscriber<'reservation.cancelled'> = {
  name: 'facility.notifyCancelled',
  event: 'reservation.cancelled',
  handler: async (event, { req }) => {
    if (event.data.reason === 'member') return
    const m = memberTiersTable(req)
    const u = usersTable(req)
    const [to] = await runSql<{ email: string | null }>(
      req,
      sql`SELECT u.${u.email} AS email FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user} WHERE m.${m.id} = ${event.data.member}`,
    )
    if (!to?.email) return
    const when = new Date(event.data.startAt).toUTCString()
    const refund = event.data.refundDue ? ' What you paid will be refunded.' : ''
    await req.payload.sendEmail({
      to: to.email,
      subject: 'Your reservation was cancelled',
      text: `Your reservation starting ${when} was cancelled ${REASONS[event.data.reason]}.${refund}`,
    })
  },
}

/**
 * The events facility emits (declared in contract.ts) and its subscribers: member notices, and
 * commerce's `order.paid` (a fee's order marks its snapshot paid; day passes) and `order.refunded`
 * (a refunded order's unused day passes are voided).
 */
export const withFacilityEvents = (config: Config): Config =>
  subscribe(
    defineEvents(config, facilityEventSchemas),
    notifyCancelledSubscriber,
    feePaidSubscriber,
    dayPassesSubscriber,
    dayPassesRefundedSubscriber,
  )
