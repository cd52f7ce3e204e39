import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, lockKey, OperationError, pgErrorCode, runSql } from '@/core'
import { canBookPort, type PaymentMethod } from '@plugins/bookings/contract'
import { GUEST_BOOKINGS_PER_EMAIL } from '../../defaults'
import type { Guest } from '../../fields/guestFields'
import { queueGuestConfirmation } from '../../jobs/sendGuestConfirmationTask'
import {
  appointmentColumns,
  toAppointmentJson,
  type AppointmentJson,
  type AppointmentRow,
} from '../format/appointmentJson'
import { appointmentsTable } from '../sql/appointmentsTable'
import { bookingSettingsTable } from '../sql/bookingSettingsTable'
import { assertRoomFree } from '../classes/assertRoomFree'
import { availabilityWindows, insideWindows } from './availabilityWindows'
import { chargeCredits } from '../shared/chargeCredits'
import { classTimezone } from '../classes/classTimezone'
import { guestActor, guestPaymentMethod } from '../guests/guestActor'
import { guestCancelToken, hashGuestCancelToken } from '../guests/guestCancelToken'
import { limitGuestBooking } from '../guests/limitGuestBooking'
import { lockProvider } from './lockProvider'
import { loadAppointmentService, type AppointmentServiceRow } from './loadAppointmentService'
import { providerCommitments, providerRules } from './providerCommitments'
import { resolveBookingMember } from '../shared/resolveBookingMember'

/** A guest without an account: a walk-in booked by desk staff, or a visitor booking an intro session. */
export type AppointmentGuest = Guest
export type BookAppointmentInput = {
  service: string
  provider: string
  startTime: Date
  member?: string
  guest?: AppointmentGuest
}

const slotTaken = () => new OperationError(409, 'slot_taken', 'This time is no longer free with this provider.')

/**
 * Books a place in a slot of a service with a provider, for a member or (desk staff) a walk-in
 * guest. Race-free: the provider's membership row is locked first (as every class and appointment
 * write for that person does), then the slot is re-checked against availability and commitments
 * and its places counted under the lock (a group service has `capacity` places per slot);
 * exclusion constraints and unique indexes back it up. Must run inside the request's transaction.
 */
export const bookAppointment = async (req: PayloadRequest, input: BookAppointmentInput): Promise<AppointmentJson> => {
  if (!req.user) {
    if (!input.guest) throw new OperationError(401, 'unauthenticated', 'Sign in to book.')
    await limitGuestBooking(req)
  }
  // FOR SHARE until commit: the service's capacity cannot be lowered under this booking (see guardServiceCapacity).
  const service = await loadAppointmentService(req, input.service, { share: true })
  const notFound = new OperationError(404, 'not_found', 'No such appointment service.')
  if (!service) throw notFound
  const actor = input.guest
    ? await appointmentGuestActor(req, service, notFound)
    : await resolveBookingMember(req, service.tenant, input.member, notFound)
  if (!service.isActive)
    throw new OperationError(409, 'service_inactive', 'This service cannot be booked at the moment.')
  if (!service.providers.includes(input.provider))
    throw new OperationError(422, 'provider_not_offered', 'This provider does not offer this service.')

  const start = input.startTime.getTime()
  const end = start + service.durationMinutes * 60_000
  const now = Date.now()
  if (start < now + service.minNoticeMinutes * 60_000) {
    throw new OperationError(
      409,
      'too_late',
      `Appointments must be booked at least ${service.minNoticeMinutes} minutes ahead.`,
    )
  }
  if (start > now + service.bookingWindowDays * 86_400_000) {
    throw new OperationError(422, 'outside_booking_window', `Booking opens ${service.bookingWindowDays} days ahead.`)
  }

  if (input.guest && actor.source === 'website') await limitGuestAppointments(req, service.tenant, input.guest.email)
  await lockProvider(req, input.provider)
  const rules = (await providerRules(req, [input.provider])).get(input.provider) ?? []
  const windows = availabilityWindows(rules, new Date(start - 86_400_000), new Date(end + 86_400_000))
  if (!insideWindows(windows, start, end))
    throw new OperationError(409, 'outside_availability', 'The provider is not available at that time.')
  const blockedFrom = new Date(start - service.bufferBeforeMinutes * 60_000)
  const blockedUntil = new Date(end + service.bufferAfterMinutes * 60_000)
  // A group slot (capacity > 1) is shared: places already booked in it (same service and start) do not
  // clash, they count. Under the provider's lock the count cannot change until commit.
  const commitments =
    (await providerCommitments(req, [input.provider], blockedFrom, blockedUntil)).get(input.provider) ?? []
  const sameSlot = (c: (typeof commitments)[number]) =>
    service.capacity > 1 && c.kind === 'appointment' && c.service === service.id && c.at === start
  if (commitments.some((c) => !sameSlot(c))) throw slotTaken()
  const a = appointmentsTable(req)
  const [places] = await runSql<{ taken: number; mine: number }>(
    req,
    sql`SELECT count(*)::int AS taken, count(*) FILTER (WHERE ${a.member} = ${actor.member})::int AS mine FROM ${a.$table}
        WHERE ${a.provider} = ${input.provider} AND ${a.service} = ${service.id}
          AND ${a.startTime} = ${new Date(start).toISOString()}::timestamptz AND ${a.status} = 'booked'`,
  )
  if (places.mine > 0) throw new OperationError(409, 'already_booked', 'This member already has a place in this slot.')
  if (places.taken >= service.capacity)
    throw service.capacity > 1
      ? new OperationError(409, 'slot_full', 'Every place in this slot is taken.')
      : slotTaken()
  // The first place of a slot checks the room; later places share it.
  if (service.room && places.taken === 0) {
    await assertRoomFree(req, {
      room: service.room,
      startTime: blockedFrom.toISOString(),
      endTime: blockedUntil.toISOString(),
      what: 'appointment',
    })
  }

  const id = randomUUID()
  const cancelTokenHash = input.guest ? hashGuestCancelToken(guestCancelToken('appointments', id)) : null
  const timezone =
    rules[0]?.timezone ??
    (await classTimezone(req, { tenant: service.tenant, location: service.location ?? undefined }))
  const [row] = await runSql<AppointmentRow>(
    req,
    sql`INSERT INTO ${a.$table} (${a.id}, ${a.tenant}, ${a.service}, ${a.provider}, ${a.member}, ${a.guestName}, ${a.guestEmail}, ${a.guestPhone},
                                 ${a.room}, ${a.startTime}, ${a.endTime}, ${a.blockedFrom}, ${a.blockedUntil}, ${a.timezone}, ${a.capacity}, ${a.status},
                                 ${a.priceAmount}, ${a.priceCurrency}, ${a.creditCost}, ${a.source}, ${a.cancelTokenHash})
        VALUES (${id}, ${service.tenant}, ${service.id}, ${input.provider}, ${actor.member}, ${input.guest?.name ?? null}, ${input.guest?.email ?? null},
                ${input.guest?.phone ?? null}, ${service.room}, ${new Date(start).toISOString()}::timestamptz,
                ${new Date(end).toISOString()}::timestamptz, ${blockedFrom.toISOString()}::timestamptz, ${blockedUntil.toISOString()}::timestamptz,
                ${timezone}, ${service.capacity}, 'booked', ${service.price?.amount ?? null}, ${service.price?.currency ?? null}, ${service.creditCost}, ${actor.source}, ${cancelTokenHash})
        RETURNING ${appointmentColumns(a)}`,
  ).catch((error: unknown) => {
    // The exclusion constraints and unique indexes back the checks above.
    if (pgErrorCode(error) === '23P01' || pgErrorCode(error) === '23505') throw slotTaken()
    throw error
  })

  // The appointment exists (in this transaction) when the guard and the debit look at it.
  // A guest has no membership to ask about: a priced appointment is a drop-in paid at the desk.
  const guard: { paymentMethod: PaymentMethod; reference?: { collection: string; id: string } } = actor.member
    ? await allowedBooking(req, {
        tenant: service.tenant,
        member: actor.member,
        id,
        start,
        price: service.price,
        creditCost: service.creditCost,
      })
    : { paymentMethod: guestPaymentMethod(service.price) }
  if (actor.member && guard.paymentMethod === 'credits') {
    await chargeCredits(req, {
      tenant: service.tenant,
      member: actor.member,
      credits: service.creditCost ?? 1,
      reason: `Appointment ${service.title}`,
      ref: { collection: 'appointments', id },
    })
  }
  const [paid] = await runSql<AppointmentRow>(
    req,
    sql`UPDATE ${a.$table} SET ${a.paymentMethod} = ${guard.paymentMethod},
          ${a.paymentReference} = ${guard.reference ? JSON.stringify(guard.reference) : null}::jsonb
        WHERE ${a.id} = ${id} RETURNING ${appointmentColumns(a)}`,
  )
  const appointment = toAppointmentJson(paid ?? row)
  await emit(req, {
    type: 'appointment.booked',
    tenant: service.tenant,
    subject: { collection: 'appointments', id },
    data: {
      service: service.id,
      provider: input.provider,
      member: actor.member,
      guest: Boolean(input.guest),
      startTime: appointment.startTime,
      endTime: appointment.endTime,
      paymentMethod: guard.paymentMethod,
      capacity: service.capacity,
      serviceKind: service.kind,
      ...(input.guest && {
        guestContact: { email: input.guest.email, name: input.guest.name ?? null, phone: input.guest.phone ?? null },
      }),
    },
  })
  if (input.guest) await queueGuestConfirmation(req, 'appointments', id)
  return appointment
}

/** Services a visitor may book without an account, where the tenant allows it: intro sessions and tours. */
const INTRO_KINDS = ['consultation', 'tour']

/** Who books for a guest: desk staff (any service), or the visitor themself for an intro session when `publicGuestBooking` is on. */
const appointmentGuestActor = (req: PayloadRequest, service: AppointmentServiceRow, notFound: OperationError) =>
  guestActor(req, {
    tenant: service.tenant,
    notFound,
    closedCode: 'guest_booking_closed',
    closedMessage: 'This service cannot be booked without an account; sign in to book.',
    publicAllowed: async () => {
      const s = bookingSettingsTable(req)
      const [settings] = await runSql<{ open: boolean | null }>(
        req,
        sql`SELECT ${s.publicGuestBooking} AS open FROM ${s.$table} WHERE ${s.tenant} = ${service.tenant} LIMIT 1`,
      )
      return Boolean(settings?.open) && INTRO_KINDS.includes(service.kind)
    },
  })

/**
 * A visitor's e-mail may hold at most `guestBookingsPerEmail` upcoming guest appointments in a
 * tenant (409 `guest_limit_reached`). Counted under a transaction-scoped advisory lock on
 * (tenant, e-mail), so concurrent bookings with one address are serialised until commit.
 */
const limitGuestAppointments = async (req: PayloadRequest, tenant: string, email: string) => {
  await lockKey(req, `guest-appointments:${tenant}:${email.toLowerCase()}`)
  const s = bookingSettingsTable(req)
  const a = appointmentsTable(req)
  const [row] = await runSql<{ limit: number | null; held: number }>(
    req,
    sql`SELECT (SELECT ${s.guestBookingsPerEmail} FROM ${s.$table} WHERE ${s.tenant} = ${tenant} LIMIT 1) AS "limit",
               (SELECT count(*)::int FROM ${a.$table} WHERE ${a.tenant} = ${tenant} AND ${a.member} IS NULL
                  AND lower(${a.guestEmail}) = ${email.toLowerCase()} AND ${a.status} = 'booked' AND ${a.startTime} > now()) AS held`,
  )
  const limit = row?.limit === null || row?.limit === undefined ? GUEST_BOOKINGS_PER_EMAIL : Number(row.limit)
  if (Number(row?.held ?? 0) >= limit) {
    throw new OperationError(
      409,
      'guest_limit_reached',
      `This e-mail address already has ${limit} upcoming booking${limit === 1 ? '' : 's'} here; cancel one or create an account to book more.`,
    )
  }
}

/** `guards.canBook` for a member's appointment (the row exists in the transaction); a refusal answers 403. */
const allowedBooking = async (
  req: PayloadRequest,
  input: {
    tenant: string
    member: string
    id: string
    start: number
    price: AppointmentServiceRow['price']
    creditCost: number | null
  },
) => {
  const guard = await callPort(req, canBookPort, {
    tenant: input.tenant,
    member: input.member,
    target: { collection: 'appointments', id: input.id },
    startTime: new Date(input.start).toISOString(),
    price: input.price,
    creditCost: input.creditCost,
  })
  if (!guard.allowed) throw new OperationError(403, guard.code, guard.reason)
  return guard
}
