import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, lockKey, OperationError, pgErrorCode, runSql } from '@/core'
import { spendGuestPassPort, type BookReservationInput, type ReservationReply } from '../contract'
import { accessWindow, type AccessCodeOptions } from './accessCode'
import { claimReservationRoom } from './claimReservationRoom'
import { ownerIncludedMinutes } from './ownerIncludedMinutes'
import { feePolicy, partyOf, prepareBooking, pricePrepared, walkInPlayers } from './prepareBooking'
import { reservationReply } from './reservationReply'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { guestsTable } from './sql/guestsTable'
import { reservationParticipantsTable } from './sql/reservationParticipantsTable'
import { reservationsTable } from './sql/reservationsTable'
import { uniqueAccessCode } from './uniqueAccessCode'

const slotTaken = () =>
  new OperationError(409, 'slot_taken', 'This resource is already reserved for part of that time (buffers included).')

/**
 * Books a resource for a member (desk staff: for `member`) with the players beside them. Checks the
 * resource's rules in its zone (opening hours, slot grid, duration, the tier's booking window),
 * closures, capacity and the member's cap on active reservations (counted under a per-member
 * transaction lock), prices the party, and inserts the reservation, its participants and its fee
 * snapshot in the request's transaction. Of concurrent bookings of overlapping ranges exactly one
 * wins: the exclusion constraint on (resource, blocked range) refuses the others (409 `slot_taken`).
 * A resource that requires approval gets a `requested` reservation (it holds the bay until staff
 * decline it); otherwise it is `confirmed` with a door code.
 *
 * `walkIn` (desk staff, `bookWalkIn`): the party of a walk-in `lead` who is no member. The lead
 * takes slot 1 as a guest (the reservation is held on the desk clerk's membership, whose cap and
 * included minutes do not apply), and every player is priced at the non-member rate.
 */
export const bookReservation = async (
  req: PayloadRequest,
  raw: BookReservationInput,
  codes: AccessCodeOptions,
  walkIn?: { lead: { name: string; email?: string; phone?: string } },
): Promise<ReservationReply> => {
  const { input, resource, actor, zone, tiers, owner, startAt, endAt } = await prepareBooking(req, raw)
  const r = reservationsTable(req)
  if (resource.maxActivePerMember && !walkIn) {
    await lockKey(req, `facility-active:${actor.member}`)
    const [held] = await runSql<{ n: number }>(
      req,
      sql`SELECT count(*)::int AS n FROM ${r.$table} WHERE ${r.tenant} = ${resource.tenant} AND ${r.member} = ${actor.member}
            AND ${r.status} IN ('requested', 'confirmed') AND ${r.endAt} > now()`,
    )
    if (held.n >= resource.maxActivePerMember)
      throw new OperationError(
        409,
        'too_many_active',
        `You already hold ${held.n} upcoming reservation${held.n === 1 ? '' : 's'}; the limit is ${resource.maxActivePerMember}.`,
      )
  }

  const party = walkIn ? walkInPlayers(1 + input.participants.length) : partyOf(input, tiers, owner)
  const id = randomUUID()
  const status = resource.requiresApproval ? 'requested' : 'confirmed'
  const blockedFrom = new Date(startAt.getTime() - resource.bufferBeforeMinutes * 60_000)
  const blockedUntil = new Date(endAt.getTime() + resource.bufferAfterMinutes * 60_000)
  const access = accessWindow(startAt, endAt, codes)
  const code = status === 'confirmed' ? await uniqueAccessCode(req, resource.tenant, codes.digits) : null
  // A resource that is a bookings room: the room locked, and no class or appointment in it then (409 `room_busy`).
  await claimReservationRoom(req, { resource: resource.id, from: blockedFrom, until: blockedUntil })
  await runSql(
    req,
    sql`INSERT INTO ${r.$table} (${r.id}, ${r.tenant}, ${r.resource}, ${r.member}, ${r.startAt}, ${r.endAt}, ${r.blockedFrom}, ${r.blockedUntil},
                                 ${r.durationMinutes}, ${r.status}, ${r.source}, ${r.accessCode}, ${r.accessValidFrom}, ${r.accessValidUntil}, ${r.notes})
        VALUES (${id}, ${resource.tenant}, ${resource.id}, ${actor.member}, ${startAt.toISOString()}::timestamptz, ${endAt.toISOString()}::timestamptz,
                ${blockedFrom.toISOString()}::timestamptz, ${blockedUntil.toISOString()}::timestamptz,
                ${(endAt.getTime() - startAt.getTime()) / 60_000}, ${status}::${r.$enum.status}, ${actor.source}::${r.$enum.source},
                ${code}, ${code ? access.from.toISOString() : null}::timestamptz, ${code ? access.until.toISOString() : null}::timestamptz,
                ${input.notes ?? null})`,
  ).catch((error: unknown) => {
    if (pgErrorCode(error) === '23P01') throw slotTaken()
    if (pgErrorCode(error) === '23505')
      throw new OperationError(409, 'access_code_clash', 'Two reservations drew the same door code at once; try again.')
    throw error
  })

  // Participants: slot 1 the owner, then members and guests in order; a guest may spend one of the host's passes.
  type Slot = { type: 'owner' | 'member' | 'guest'; member: string | null; guest: string | null; name: string | null }
  const slots: Slot[] = walkIn
    ? [
        {
          type: 'guest',
          member: null,
          guest: await upsertGuest(req, resource.tenant, walkIn.lead),
          name: walkIn.lead.name,
        },
      ]
    : [{ type: 'owner', member: actor.member, guest: null, name: owner.name }]
  const participantIds = [randomUUID()]
  const p = reservationParticipantsTable(req)
  for (const [index, participant] of input.participants.entries()) {
    const participantId = randomUUID()
    participantIds.push(participantId)
    if ('member' in participant) {
      slots.push({ type: 'member', member: participant.member, guest: null, name: tiers.get(participant.member)!.name })
      continue
    }
    const guest = await upsertGuest(req, resource.tenant, participant.guest)
    slots.push({ type: 'guest', member: null, guest, name: participant.guest.name })
    if (!participant.useGuestPass || walkIn) continue
    const spent = await callPort(req, spendGuestPassPort, {
      tenant: resource.tenant,
      member: actor.member,
      ref: { collection: 'reservation-participants', id: participantId },
    })
    party[index + 1] = { kind: 'guest', guestPass: spent.spent }
  }
  // The owner's own part is free as far as it fits what is left of their tier's included minutes
  // that local day (billing's usage records, counted under the day row's lock, so racing bookings
  // never exceed it); only the rest is charged.
  const includedMinutes = walkIn
    ? 0
    : await ownerIncludedMinutes(req, { resource, actor, owner, zone, startAt, endAt }, id)
  if (includedMinutes > 0 && party[0].kind === 'member') party[0] = { ...party[0], includedMinutes }
  const price = pricePrepared({ resource, zone, startAt, endAt }, party)
  for (const [index, slot] of slots.entries()) {
    const tier = slot.member ? tiers.get(slot.member)!.tierKey : null
    const usesPass = party[index].kind === 'guest' && party[index].guestPass
    await runSql(
      req,
      sql`INSERT INTO ${p.$table} (${p.id}, ${p.tenant}, ${p.reservation}, ${p.slotNumber}, ${p.participantType}, ${p.member}, ${p.guest},
                                   ${p.displayName}, ${p.tierKey}, ${p.usesGuestPass}, ${p.feeAmount}, ${p.feeCurrency})
          VALUES (${participantIds[index]}, ${resource.tenant}, ${id}, ${index + 1}, ${slot.type}::${p.$enum.participantType}, ${slot.member}, ${slot.guest},
                  ${slot.name}, ${tier}, ${usesPass}, ${price.lines[index].amount}, ${price.currency})`,
    )
  }
  const f = feeSnapshotsTable(req)
  const policy = feePolicy({ resource, zone }, price, includedMinutes)
  await runSql(
    req,
    sql`INSERT INTO ${f.$table} (${f.tenant}, ${f.reservation}, ${f.member}, ${f.status}, ${f.totalAmount}, ${f.totalCurrency}, ${f.lines}, ${f.policy}, ${f.computedAt})
        VALUES (${resource.tenant}, ${id}, ${actor.member}, ${price.total === 0 ? 'waived' : 'pending'}::${f.$enum.status}, ${price.total}, ${price.currency},
                ${JSON.stringify(price.lines)}::jsonb, ${JSON.stringify(policy)}::jsonb, now())`,
  )
  await emit(req, {
    type: 'reservation.booked',
    tenant: resource.tenant,
    subject: { collection: 'reservations', id },
    data: {
      reservation: id,
      resource: resource.id,
      member: actor.member,
      startAt: startAt.toISOString(),
      endAt: endAt.toISOString(),
      status,
      total: { amount: price.total, currency: price.currency },
      // ---- marketing ----
      guestContacts: [...(walkIn ? [{ guest: walkIn.lead }] : []), ...input.participants].flatMap((p) =>
        'guest' in p && p.guest.email
          ? [{ email: p.guest.email, name: p.guest.name, phone: p.guest.phone ?? null }]
          : [],
      ),
      // ---- /marketing ----
    },
  })
  return reservationReply(req, id)
}

/** A guest of the tenant by e-mail (case-insensitive, one row per address), else a new guest row. */
export const upsertGuest = async (
  req: PayloadRequest,
  tenant: string,
  guest: { name: string; email?: string; phone?: string },
): Promise<string> => {
  const g = guestsTable(req)
  if (!guest.email) {
    const [row] = await runSql<{ id: string }>(
      req,
      sql`INSERT INTO ${g.$table} (${g.tenant}, ${g.name}, ${g.phone}) VALUES (${tenant}, ${guest.name}, ${guest.phone ?? null}) RETURNING ${g.id} AS id`,
    )
    return String(row.id)
  }
  const [row] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${g.$table} (${g.tenant}, ${g.name}, ${g.email}, ${g.phone}) VALUES (${tenant}, ${guest.name}, ${guest.email}, ${guest.phone ?? null})
        ON CONFLICT (${g.tenant}, lower(${g.email})) WHERE ${g.email} IS NOT NULL
        DO UPDATE SET ${g.name} = EXCLUDED.${g.name} RETURNING ${g.id} AS id`,
  )
  return String(row.id)
}
