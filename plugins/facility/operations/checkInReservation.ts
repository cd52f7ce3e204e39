import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, localDate, OperationError, runSql, type AccessUser } from '@/core'
import type { CheckInReply } from '../contract'
import { assertGuestWaivers } from './assertGuestWaivers'
import { facilityZone } from './facilityZone'
import { guestCheckInsTable } from './sql/guestCheckInsTable'
import { reservationParticipantsTable } from './sql/reservationParticipantsTable'
import { reservationsTable } from './sql/reservationsTable'

/**
 * Desk staff check a confirmed reservation's party in: the reservation and its participants get
 * `checkedInAt` (once), and each guest a guest check-in for the club's local day, at most one per
 * guest and day (INSERT … ON CONFLICT DO NOTHING), so checking in again changes nothing. A guest
 * without a signed waiver (`guards.guestWaiver`) stops it: 409 `waiver_required`, nothing written.
 */
export const checkInReservation = async (req: PayloadRequest, id: string): Promise<CheckInReply> => {
  const r = reservationsTable(req)
  const [row] = await runSql<{ tenant: string; status: string; member: string }>(
    req,
    sql`SELECT ${r.tenant} AS tenant, ${r.status} AS status, ${r.member} AS member FROM ${r.$table} WHERE ${r.id} = ${id} FOR UPDATE`,
  )
  const user: AccessUser = req.user
  if (!row || !(isPlatformAdmin(user) || hasRoleIn(user, String(row.tenant), DESK_ROLES)))
    throw new OperationError(404, 'not_found', 'No such reservation.')
  if (row.status !== 'confirmed')
    throw new OperationError(
      409,
      'not_confirmed',
      `Only a confirmed reservation can be checked in (this one is ${row.status}).`,
    )
  const tenant = String(row.tenant)
  const date = localDate(new Date(), await facilityZone(req, { tenant }))
  const p = reservationParticipantsTable(req)
  // Every guest of the party has signed the waiver first (409 `waiver_required`: nobody is checked in).
  const guestRows = await runSql<{ guest: string }>(
    req,
    sql`SELECT ${p.guest} AS guest FROM ${p.$table} WHERE ${p.reservation} = ${id} AND ${p.guest} IS NOT NULL`,
  )
  await assertGuestWaivers(
    req,
    tenant,
    guestRows.map((x) => String(x.guest)),
  )
  await runSql(
    req,
    sql`UPDATE ${r.$table} SET ${r.checkedInAt} = coalesce(${r.checkedInAt}, now()) WHERE ${r.id} = ${id}`,
  )
  const participants = await runSql<{ guest: string | null; pass: boolean }>(
    req,
    sql`UPDATE ${p.$table} SET ${p.checkedInAt} = coalesce(${p.checkedInAt}, now()) WHERE ${p.reservation} = ${id}
        RETURNING ${p.guest} AS guest, coalesce(${p.usesGuestPass}, false) AS pass`,
  )
  const g = guestCheckInsTable(req)
  // A walk-in party (its lead in slot 1 is a guest) has no member host: the desk clerk only holds it.
  const [lead] = await runSql<{ type: string }>(
    req,
    sql`SELECT ${p.participantType} AS type FROM ${p.$table} WHERE ${p.reservation} = ${id} AND ${p.slotNumber} = 1`,
  )
  const host = lead?.type === 'guest' ? null : row.member
  let guests = 0
  for (const participant of participants) {
    if (!participant.guest) continue
    const inserted = await runSql<{ id: string }>(
      req,
      sql`INSERT INTO ${g.$table} (${g.tenant}, ${g.guest}, ${g.host}, ${g.reservation}, ${g.checkInAt}, ${g.localDate}, ${g.checkedInBy}, ${g.passSpent})
          VALUES (${tenant}, ${participant.guest}, ${host}, ${id}, now(), ${date}, ${String(user!.id)}, ${participant.pass})
          ON CONFLICT (${g.tenant}, ${g.guest}, ${g.localDate}) DO NOTHING RETURNING ${g.id} AS id`,
    )
    guests += inserted.length
  }
  return { reservation: id, participants: participants.length, guestsCheckedIn: guests, localDate: date }
}
