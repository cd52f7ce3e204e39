import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, hasCollection, OperationError, runSql } from '@/core'
import { claimRoomPort } from '../contract'
import { reservationsTable } from './sql/reservationsTable'
import { resourceRoomsTable } from './sql/resourceRoomsTable'

/**
 * A reservation (new, or `reservation` moved) of `resource` over the blocked range [from, until):
 * when the resource is linked to a bookings room, the room is locked through `facility.claimRoom`
 * (bookings locks the room's row, as its class and appointment writes do, so all writes of one
 * room serialise until commit) and refused with 409 `room_busy`, naming it, when a class or
 * booked appointment of the room — or an active reservation of another resource linked to the
 * same room — overlaps. Nothing to do without bookings or a link.
 */
export const claimReservationRoom = async (
  req: PayloadRequest,
  input: { resource: string; from: Date; until: Date; reservation?: string },
): Promise<void> => {
  if (!hasCollection(req.payload, 'rooms')) return
  const t = resourceRoomsTable(req)
  const [linked] = await runSql<{ tenant: string; room: string | null }>(
    req,
    sql`SELECT ${t.tenant} AS tenant, ${t.room} AS room FROM ${t.$table} WHERE ${t.id} = ${input.resource}`,
  )
  if (!linked?.room) return
  const busy = (title: string, startAt: string) =>
    new OperationError(
      409,
      'room_busy',
      `The room is taken by "${title}" at ${startAt}, which overlaps this reservation.`,
    )
  const claimed = await callPort(req, claimRoomPort, {
    tenant: String(linked.tenant),
    room: String(linked.room),
    startAt: input.from.toISOString(),
    endAt: input.until.toISOString(),
  })
  if (claimed.conflict) throw busy(claimed.conflict.title, claimed.conflict.startAt)
  const [other] = await roomReservationRows(req, {
    room: String(linked.room),
    startTime: input.from.toISOString(),
    endTime: input.until.toISOString(),
    except: { resource: input.resource, reservation: input.reservation ?? null },
  })
  if (other) throw busy(other.title, other.startAt)
}

/**
 * Active reservations (requested or confirmed) of resources linked to `room` whose blocked range
 * overlaps [startTime, endTime), first first; `except` leaves out one resource (its own exclusion
 * constraint decides there) and one reservation (the one being moved).
 */
export const roomReservationRows = async (
  req: PayloadRequest,
  input: {
    room: string
    startTime: string
    endTime: string
    except?: { resource: string; reservation: string | null }
  },
): Promise<{ title: string; startAt: string }[]> => {
  const t = resourceRoomsTable(req)
  const r = reservationsTable(req)
  const rows = await runSql<{ name: string; start_at: Date }>(
    req,
    sql`SELECT f.${t.name} AS name, r.${r.startAt} AS start_at FROM ${r.$table} r JOIN ${t.$table} f ON f.${t.id} = r.${r.resource}
        WHERE f.${t.room} = ${input.room} AND r.${r.status} IN ('requested', 'confirmed')
          AND r.${r.blockedFrom} < ${input.endTime}::timestamptz AND r.${r.blockedUntil} > ${input.startTime}::timestamptz
          ${input.except ? sql`AND r.${r.resource} <> ${input.except.resource}` : sql``}
          ${input.except?.reservation ? sql`AND r.${r.id} <> ${input.except.reservation}` : sql``}
        ORDER BY r.${r.startAt} LIMIT 1`,
  )
  return rows.map((row) => ({
    title: `a reservation of ${row.name}`,
    startAt: new Date(row.start_at).toISOString(),
  }))
}
