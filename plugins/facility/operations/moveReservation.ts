import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import {
  callPort,
  DESK_ROLES,
  emit,
  hasRoleIn,
  isPlatformAdmin,
  OperationError,
  pgErrorCode,
  rolesIn,
  runSql,
} from '@/core'
import type { AccessUser } from '@/core'
import {
  moveReservationInput,
  releaseFeeOrderPort,
  type MoveReservationInput,
  type ReservationReply,
} from '../contract'
import { accessWindow, type AccessCodeOptions } from './accessCode'
import { assertNotClosed } from './assertNotClosed'
import { checkBookingRules } from './checkBookingRules'
import { claimReservationRoom } from './claimReservationRoom'
import { countedMinutes } from './countedMinutes'
import { facilityZone } from './facilityZone'
import { loadResource } from './loadResource'
import { memberTiers } from './memberTiers'
import { feePolicy, pricePrepared, walkInPlayers } from './prepareBooking'
import type { Player } from './priceReservation'
import { reservationReply } from './reservationReply'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { reservationParticipantsTable } from './sql/reservationParticipantsTable'
import { reservationsTable } from './sql/reservationsTable'

type Row = {
  tenant: string
  status: string
  resource: string
  member: string
  start_at: string
  end_at: string
}

/**
 * Desk staff move an active reservation to another slot and/or resource of the same business.
 * The target is checked like a staff booking (rules of the target resource in its zone with the
 * longer booking window, capacity, closures and blocks); the resource, times, blocked range
 * (buffers of the target) and door-code window change in ONE UPDATE, so the exclusion constraint
 * decides against concurrent bookings and moves (409 `slot_taken`). The door code is kept, its
 * window follows the new times. An unpaid fee snapshot (pending or waived) is repriced for the
 * same party at the new time and resource; a paid (or refunded) one is frozen and left alone.
 * Emits `reservation.moved` (Trackman's sync reacts to it). 403 for members of the business,
 * 404 for anyone else.
 */
export const moveReservation = async (
  req: PayloadRequest,
  id: string,
  raw: MoveReservationInput,
  codes: AccessCodeOptions,
): Promise<ReservationReply> => {
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const input = moveReservationInput.parse(raw)
  const r = reservationsTable(req)
  const [row] = await runSql<Row>(
    req,
    sql`SELECT ${r.tenant} AS tenant, ${r.status} AS status, ${r.resource} AS resource, ${r.member} AS member,
               ${r.startAt} AS start_at, ${r.endAt} AS end_at
        FROM ${r.$table} WHERE ${r.id} = ${id} FOR UPDATE`,
  )
  const user: AccessUser = req.user
  const tenant = row ? String(row.tenant) : ''
  if (!row || !(isPlatformAdmin(user) || hasRoleIn(user, tenant, DESK_ROLES))) {
    if (row && rolesIn(user, tenant).length > 0)
      throw new OperationError(403, 'forbidden', 'Only desk staff may move a reservation.')
    throw new OperationError(404, 'not_found', 'No such reservation.')
  }
  if (!['requested', 'confirmed'].includes(row.status))
    throw new OperationError(409, 'not_active', `This reservation is ${row.status}.`)

  const resource = await loadResource(req, input.resource ?? String(row.resource))
  if (resource.tenant !== tenant) throw new OperationError(404, 'not_found', 'No such resource in this business.')
  if (!resource.isActive)
    throw new OperationError(409, 'resource_inactive', 'This resource cannot be booked at the moment.')
  const startAt = new Date(input.startAt)
  const endAt = new Date(input.endAt)
  const previous = {
    resource: String(row.resource),
    startAt: new Date(row.start_at).toISOString(),
    endAt: new Date(row.end_at).toISOString(),
  }
  if (
    previous.resource === resource.id &&
    previous.startAt === startAt.toISOString() &&
    previous.endAt === endAt.toISOString()
  )
    return reservationReply(req, id)

  const zone = await facilityZone(req, { tenant, location: resource.location })
  const p = reservationParticipantsTable(req)
  const party = await runSql<{
    id: string
    type: string
    member: string | null
    pass: boolean
  }>(
    req,
    sql`SELECT ${p.id} AS id, ${p.participantType} AS type, ${p.member} AS member, coalesce(${p.usesGuestPass}, false) AS pass
        FROM ${p.$table} WHERE ${p.reservation} = ${id} ORDER BY ${p.slotNumber}`,
  )
  const players = Math.max(1, party.length)
  if (players > resource.capacity)
    throw new OperationError(422, 'over_capacity', `${resource.name} takes up to ${resource.capacity} players.`)
  const memberIds = [...new Set([String(row.member), ...party.flatMap((x) => (x.member ? [String(x.member)] : []))])]
  const tiers = await memberTiers(req, tenant, memberIds)
  // Staff book (and move) up to the longer of the owner's tier window and the resource's.
  const window = Math.max(tiers.get(String(row.member))?.bookingWindowDays ?? 0, resource.bookingWindowDays)
  checkBookingRules({ ...resource, bookingWindowDays: window }, startAt, endAt, zone)
  await assertNotClosed(req, { tenant, resource: resource.id, location: resource.location, startAt, endAt })

  const blockedFrom = new Date(startAt.getTime() - resource.bufferBeforeMinutes * 60_000)
  const blockedUntil = new Date(endAt.getTime() + resource.bufferAfterMinutes * 60_000)
  const access = accessWindow(startAt, endAt, codes)
  await claimReservationRoom(req, { resource: resource.id, from: blockedFrom, until: blockedUntil, reservation: id })
  await runSql(
    req,
    sql`UPDATE ${r.$table} SET ${r.resource} = ${resource.id}, ${r.startAt} = ${startAt.toISOString()}::timestamptz,
          ${r.endAt} = ${endAt.toISOString()}::timestamptz, ${r.blockedFrom} = ${blockedFrom.toISOString()}::timestamptz,
          ${r.blockedUntil} = ${blockedUntil.toISOString()}::timestamptz, ${r.durationMinutes} = ${(endAt.getTime() - startAt.getTime()) / 60_000},
          ${r.accessValidFrom} = CASE WHEN ${r.accessCode} IS NULL THEN NULL ELSE ${access.from.toISOString()}::timestamptz END,
          ${r.accessValidUntil} = CASE WHEN ${r.accessCode} IS NULL THEN NULL ELSE ${access.until.toISOString()}::timestamptz END,
          ${r.updatedAt} = now()
        WHERE ${r.id} = ${id}`,
  ).catch((error: unknown) => {
    if (pgErrorCode(error) === '23P01')
      throw new OperationError(
        409,
        'slot_taken',
        'This resource is already reserved for part of that time (buffers included).',
      )
    throw error
  })

  await repriceUnpaid(req, { id, tenant, resource, zone, startAt, endAt, party, tiers })
  await emit(req, {
    type: 'reservation.moved',
    tenant,
    subject: { collection: 'reservations', id },
    data: {
      reservation: id,
      resource: resource.id,
      member: String(row.member),
      startAt: startAt.toISOString(),
      endAt: endAt.toISOString(),
      previous,
    },
  })
  return reservationReply(req, id)
}

/**
 * Reprices a moved reservation's current fee snapshot when it is not paid yet (pending or waived):
 * the same party (members at their current tiers, guests with the passes they already used) at the
 * new time and resource; each participant's fee follows. A paid or refunded snapshot is frozen.
 */
const repriceUnpaid = async (
  req: PayloadRequest,
  input: {
    id: string
    tenant: string
    resource: Awaited<ReturnType<typeof loadResource>>
    zone: string
    startAt: Date
    endAt: Date
    party: { id: string; type: string; member: string | null; pass: boolean }[]
    tiers: Awaited<ReturnType<typeof memberTiers>>
  },
) => {
  const f = feeSnapshotsTable(req)
  const [snapshot] = await runSql<{ id: string; status: string; order: string | null; included: number }>(
    req,
    sql`SELECT ${f.id} AS id, ${f.status} AS status, ${f.commerceOrder} AS order, ${countedMinutes(f)} AS included FROM ${f.$table}
        WHERE ${f.reservation} = ${input.id} AND ${f.status} <> 'void' ORDER BY ${f.computedAt} DESC LIMIT 1 FOR UPDATE`,
  )
  if (!snapshot || !['pending', 'waived'].includes(snapshot.status) || input.party.length === 0) return
  // An order opened to pay the old price is cancelled first; one already paid keeps the old price.
  if (
    snapshot.order &&
    !(await callPort(req, releaseFeeOrderPort, { tenant: input.tenant, order: snapshot.order })).released
  )
    return
  const { resource, zone, startAt, endAt } = input
  // The owner's included minutes stay counted (against the day they were booked on); a longer
  // reservation pays for the minutes beyond them.
  // A walk-in party (its lead in slot 1 is a guest) stays at the non-member rate throughout.
  const walkIn = input.party[0]?.type === 'guest'
  const players: Player[] = walkIn
    ? walkInPlayers(input.party.length)
    : input.party.map((x, index) =>
        x.type === 'guest'
          ? { kind: 'guest', guestPass: x.pass }
          : {
              kind: 'member',
              tier: input.tiers.get(String(x.member))?.tier ?? null,
              includedMinutes: index === 0 ? Number(snapshot.included) : 0,
            },
      )
  const price = pricePrepared({ resource, zone, startAt, endAt }, players)
  const p = reservationParticipantsTable(req)
  for (const [index, participant] of input.party.entries()) {
    await runSql(
      req,
      sql`UPDATE ${p.$table} SET ${p.feeAmount} = ${price.lines[index].amount}, ${p.feeCurrency} = ${price.currency}
          WHERE ${p.id} = ${participant.id}`,
    )
  }
  const policy = feePolicy({ resource, zone }, price, Number(snapshot.included))
  await runSql(
    req,
    sql`UPDATE ${f.$table} SET ${f.status} = ${price.total === 0 ? 'waived' : 'pending'}::${f.$enum.status}, ${f.totalAmount} = ${price.total},
          ${f.totalCurrency} = ${price.currency}, ${f.lines} = ${JSON.stringify(price.lines)}::jsonb, ${f.policy} = ${JSON.stringify(policy)}::jsonb,
          ${f.computedAt} = now(), ${f.commerceOrder} = NULL, ${f.updatedAt} = now()
        WHERE ${f.id} = ${snapshot.id} AND ${f.status} IN ('pending', 'waived')`,
  )
}
