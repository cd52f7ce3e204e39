import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, canBookPort, debitCreditsPort, emit, OperationError, pgErrorCode, runSql } from '@/core'
import { APPOINTMENT_COLUMNS, toAppointmentJson, type AppointmentJson } from './appointmentJson'
import { assertRoomFree } from './assertRoomFree'
import { availabilityWindows, insideWindows } from './availabilityWindows'
import { classTimezone } from './classTimezone'
import { lockProvider } from './lockProvider'
import { loadAppointmentService } from './loadAppointmentService'
import { providerCommitments, providerRules } from './providerCommitments'
import { resolveBookingMember } from './resolveBookingMember'

export type BookAppointmentInput = { service: string; provider: string; startTime: Date; member?: string }

const slotTaken = () => new OperationError(409, 'slot_taken', 'This time is no longer free with this provider.')

/**
 * Books a slot of a service with a provider. Race-free: the provider's membership row is locked
 * first (as every class and appointment write for that person does), then the slot is re-checked
 * against availability and commitments under the lock; an exclusion constraint backs it up.
 * Must run inside the request's transaction.
 */
export const bookAppointment = async (req: PayloadRequest, input: BookAppointmentInput): Promise<AppointmentJson> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in to book.')
  const service = await loadAppointmentService(req, input.service)
  const notFound = new OperationError(404, 'not_found', 'No such appointment service.')
  if (!service) throw notFound
  const actor = await resolveBookingMember(req, service.tenant, input.member, notFound)
  if (!service.isActive) throw new OperationError(409, 'service_inactive', 'This service cannot be booked at the moment.')
  if (!service.providers.includes(input.provider)) throw new OperationError(422, 'provider_not_offered', 'This provider does not offer this service.')

  const start = input.startTime.getTime()
  const end = start + service.durationMinutes * 60_000
  const now = Date.now()
  if (start < now + service.minNoticeMinutes * 60_000) {
    throw new OperationError(409, 'too_late', `Appointments must be booked at least ${service.minNoticeMinutes} minutes ahead.`)
  }
  if (start > now + service.bookingWindowDays * 86_400_000) {
    throw new OperationError(422, 'outside_booking_window', `Booking opens ${service.bookingWindowDays} days ahead.`)
  }

  await lockProvider(req, input.provider)
  const rules = (await providerRules(req, [input.provider])).get(input.provider) ?? []
  const windows = availabilityWindows(rules, new Date(start - 86_400_000), new Date(end + 86_400_000))
  if (!insideWindows(windows, start, end)) throw new OperationError(409, 'outside_availability', 'The provider is not available at that time.')
  const blockedFrom = new Date(start - service.bufferBeforeMinutes * 60_000)
  const blockedUntil = new Date(end + service.bufferAfterMinutes * 60_000)
  const [clash] = (await providerCommitments(req, [input.provider], blockedFrom, blockedUntil)).get(input.provider) ?? []
  if (clash) throw slotTaken()
  if (service.room) await assertRoomFree(req, { room: service.room, startTime: blockedFrom.toISOString(), endTime: blockedUntil.toISOString(), what: 'appointment' })

  const id = randomUUID()
  const timezone = rules[0]?.timezone ?? (await classTimezone(req, { tenant: service.tenant, location: service.location ?? undefined }))
  const [row] = await runSql(
    req,
    sql`INSERT INTO appointments (id, tenant_id, service_id, provider_id, member_id, room_id, start_time, end_time, blocked_from, blocked_until, timezone,
                                  status, price_amount, price_currency, credit_cost, source)
        VALUES (${id}, ${service.tenant}, ${service.id}, ${input.provider}, ${actor.member}, ${service.room}, ${new Date(start).toISOString()}::timestamptz,
                ${new Date(end).toISOString()}::timestamptz, ${blockedFrom.toISOString()}::timestamptz, ${blockedUntil.toISOString()}::timestamptz,
                ${timezone}, 'booked', ${service.price?.amount ?? null}, ${service.price?.currency ?? null}, ${service.creditCost}, ${actor.source})
        RETURNING ${APPOINTMENT_COLUMNS}`,
  ).catch((error: unknown) => {
    if (pgErrorCode(error) === '23P01') throw slotTaken()
    throw error
  })

  // The appointment exists (in this transaction) when the guard and the debit look at it.
  const guard = await callPort(req, canBookPort, {
    tenant: service.tenant,
    member: actor.member,
    target: { collection: 'appointments', id },
    startTime: new Date(start).toISOString(),
    price: service.price,
    creditCost: service.creditCost,
  })
  if (!guard.allowed) throw new OperationError(403, guard.code, guard.reason)
  if (guard.paymentMethod === 'credits') {
    const debit = await callPort(req, debitCreditsPort, {
      tenant: service.tenant,
      member: actor.member,
      credits: service.creditCost ?? 1,
      reason: `Appointment ${service.title}`,
      ref: { collection: 'appointments', id },
    })
    if (!debit.ok) throw new OperationError(402, debit.code, debit.reason)
  }
  const [paid] = await runSql(
    req,
    sql`UPDATE appointments SET payment_method = ${guard.paymentMethod}, payment_reference = ${guard.reference ? JSON.stringify(guard.reference) : null}::jsonb
        WHERE id = ${id} RETURNING ${APPOINTMENT_COLUMNS}`,
  )
  const appointment = toAppointmentJson(paid ?? row)
  await emit(req, {
    type: 'appointment.booked',
    tenant: service.tenant,
    subject: { collection: 'appointments', id },
    data: { service: service.id, provider: input.provider, member: actor.member, startTime: appointment.startTime, endTime: appointment.endTime, paymentMethod: guard.paymentMethod },
  })
  return appointment
}
