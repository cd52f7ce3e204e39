import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { addDays, callPort, fromWallTime, hasCollection, localDate, runSql } from '@/core'
import { roomBookingsPort, type ResourceDay } from '../contract'
import { dayAvailability } from './dayAvailability'
import { facilityZone } from './facilityZone'
import { availabilityBlocksTable } from './sql/availabilityBlocksTable'
import { facilityResourcesTable } from './sql/facilityResourcesTable'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { memberTiersTable } from './sql/facilityTiersTable'
import { reservationParticipantsTable } from './sql/reservationParticipantsTable'
import { reservationsTable } from './sql/reservationsTable'
import { resourceRoomsTable } from './sql/resourceRoomsTable'

export type GridPlayer = {
  id: string
  slot: number
  type: 'owner' | 'member' | 'guest'
  name: string
  usesGuestPass: boolean
  fee: number
  checkedIn: boolean
}
export type GridReservation = {
  id: string
  resource: string
  resourceName: string
  startAt: string
  endAt: string
  status: string
  source: string
  /** The member it is for, or a walk-in party's lead ("Walter Walkin (walk-in)"). */
  owner: string
  /** A walk-in party: its lead (slot 1) is a guest, the reservation held on the desk clerk's membership. */
  walkIn: boolean
  member: string
  notes: string | null
  accessCode: string | null
  checkedIn: boolean
  fee: { total: number; currency: string; status: string } | null
  party: GridPlayer[]
}
export type GridBlock = {
  id: string
  resource: string
  startAt: string
  endAt: string
  type: string
  notes: string | null
}
/** A class or booked appointment of the bookings room a `room` resource shares: that time cannot be booked. */
export type GridRoomBusy = {
  resource: string
  kind: 'class' | 'appointment'
  title: string
  startAt: string
  endAt: string
}
export type BayGrid = {
  date: string
  /** When it was read: slots before it are past. */
  now: string
  /** The club's zone (the tenant's): the day and every time on the screen are on its clock. */
  zone: string
  resources: ResourceDay[]
  /** The day's reservations that hold (or held) a bay: requested, confirmed, completed, no-show. */
  reservations: GridReservation[]
  /** Availability blocks of the day (closures write one per resource they close). */
  blocks: GridBlock[]
  /** Requests waiting for approval, any upcoming day, oldest start first (at most 50). */
  requests: GridReservation[]
  /** Classes and appointments of the day in the rooms shared with resources (`facility.roomBookings`). */
  roomBusy: GridRoomBusy[]
}

const iso = (value: unknown) => new Date(value as string).toISOString()
const midnight = (date: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return fromWallTime({ year, month, day, hour: 0, minute: 0 }, zone)
}

/**
 * The staff bay grid of a tenant for one local day (`date`, default today in the club's zone):
 * the resources with their slot grids (`dayAvailability`), the day's reservations with owner,
 * party (guest passes, fees, check-ins) and fee snapshot, the day's availability blocks, and the
 * requests waiting for approval. The caller checks the viewer is desk staff of the tenant.
 */
export const readBayGrid = async (
  req: PayloadRequest,
  input: { tenant: string; date?: string; now?: Date },
): Promise<BayGrid> => {
  const now = input.now ?? new Date()
  const zone = await facilityZone(req, { tenant: input.tenant })
  const date = input.date ?? localDate(now, zone)
  const from = midnight(date, zone).toISOString()
  const to = midnight(addDays(date, 1), zone).toISOString()
  const day = await dayAvailability(req, { tenant: input.tenant, date }, now)
  const r = reservationsTable(req)
  const res = facilityResourcesTable(req)
  const f = feeSnapshotsTable(req)
  const m = memberTiersTable(req)
  const b = availabilityBlocksTable(req)
  const select = sql`SELECT x.${r.id} AS id, x.${r.resource} AS resource, rs.${res.name} AS resource_name, x.${r.startAt} AS start_at,
             x.${r.endAt} AS end_at, x.${r.status} AS status, x.${r.source} AS source, x.${r.member} AS member,
             coalesce(mm.${m.displayName}, 'Member') AS owner, x.${r.notes} AS notes, x.${r.accessCode} AS access_code,
             x.${r.checkedInAt} IS NOT NULL AS checked_in, fs.${f.totalAmount}::int AS total, fs.${f.totalCurrency} AS currency,
             fs.${f.status} AS fee_status
      FROM ${r.$table} x
      JOIN ${res.$table} rs ON rs.${res.id} = x.${r.resource}
      LEFT JOIN ${m.$table} mm ON mm.${m.id} = x.${r.member}
      LEFT JOIN LATERAL (SELECT * FROM ${f.$table} s WHERE s.${f.reservation} = x.${r.id}
                         ORDER BY (s.${f.status} = 'void'), s.${f.computedAt} DESC LIMIT 1) fs ON true`
  type Row = Record<string, unknown>
  const [dayRows, requestRows, blockRows] = await Promise.all([
    runSql<Row>(
      req,
      sql`${select} WHERE x.${r.tenant} = ${input.tenant} AND x.${r.status} IN ('requested', 'confirmed', 'completed', 'no_show')
            AND x.${r.startAt} < ${to}::timestamptz AND x.${r.endAt} > ${from}::timestamptz
          ORDER BY x.${r.startAt}`,
    ),
    runSql<Row>(
      req,
      sql`${select} WHERE x.${r.tenant} = ${input.tenant} AND x.${r.status} = 'requested' AND x.${r.endAt} > ${now.toISOString()}::timestamptz
          ORDER BY x.${r.startAt} LIMIT 50`,
    ),
    runSql<Row>(
      req,
      sql`SELECT ${b.id} AS id, ${b.resource} AS resource, ${b.startAt} AS start_at, ${b.endAt} AS end_at, ${b.blockType} AS type,
                 ${b.notes} AS notes FROM ${b.$table}
          WHERE ${b.tenant} = ${input.tenant} AND ${b.startAt} < ${to}::timestamptz AND ${b.endAt} > ${from}::timestamptz
          ORDER BY ${b.startAt}`,
    ),
  ])
  const ids = [...new Set([...dayRows, ...requestRows].map((row) => String(row.id)))]
  const p = reservationParticipantsTable(req)
  const players = ids.length
    ? await runSql<Row>(
        req,
        sql`SELECT ${p.id} AS id, ${p.reservation} AS reservation, ${p.slotNumber}::int AS slot, ${p.participantType} AS type,
                   coalesce(${p.displayName}, 'Player') AS name, coalesce(${p.usesGuestPass}, false) AS pass,
                   coalesce(${p.feeAmount}, 0)::int AS fee, ${p.checkedInAt} IS NOT NULL AS checked_in
            FROM ${p.$table} WHERE ${p.reservation} = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY ${p.slotNumber}`,
      )
    : []
  const partyOf = new Map<string, GridPlayer[]>()
  for (const row of players) {
    const list = partyOf.get(String(row.reservation)) ?? []
    list.push({
      id: String(row.id),
      slot: Number(row.slot),
      type: row.type as GridPlayer['type'],
      name: String(row.name),
      usesGuestPass: Boolean(row.pass),
      fee: Number(row.fee),
      checkedIn: Boolean(row.checked_in),
    })
    partyOf.set(String(row.reservation), list)
  }
  const reservation = (row: Row): GridReservation => {
    const party = partyOf.get(String(row.id)) ?? []
    const walkIn = party[0]?.type === 'guest'
    return {
      id: String(row.id),
      resource: String(row.resource),
      resourceName: String(row.resource_name),
      startAt: iso(row.start_at),
      endAt: iso(row.end_at),
      status: String(row.status),
      source: String(row.source),
      owner: walkIn ? `${party[0].name} (walk-in)` : String(row.owner),
      walkIn,
      member: String(row.member),
      notes: (row.notes as string | null) ?? null,
      accessCode: (row.access_code as string | null) ?? null,
      checkedIn: Boolean(row.checked_in),
      fee:
        row.total === null || row.total === undefined
          ? null
          : { total: Number(row.total), currency: String(row.currency), status: String(row.fee_status) },
      party,
    }
  }
  const roomBusy = await readRoomBusy(req, { tenant: input.tenant, from, to })
  return {
    date,
    now: now.toISOString(),
    zone,
    resources: day.resources,
    reservations: dayRows.map(reservation),
    blocks: blockRows.map((row) => ({
      id: String(row.id),
      resource: String(row.resource),
      startAt: iso(row.start_at),
      endAt: iso(row.end_at),
      type: String(row.type),
      notes: (row.notes as string | null) ?? null,
    })),
    requests: requestRows.map(reservation),
    roomBusy,
  }
}

/**
 * The classes and booked appointments over [from, to) of the bookings rooms the tenant's resources
 * share (`facility.roomBookings`, implemented by bookings; none without it), one entry per
 * resource linked to the room: booking those times is refused (409 `room_busy`), so the grid shows
 * them as taken.
 */
const readRoomBusy = async (
  req: PayloadRequest,
  input: { tenant: string; from: string; to: string },
): Promise<GridRoomBusy[]> => {
  if (!hasCollection(req.payload, 'rooms')) return []
  const t = resourceRoomsTable(req)
  const links = await runSql<{ id: string; room: string }>(
    req,
    sql`SELECT ${t.id} AS id, ${t.room} AS room FROM ${t.$table} WHERE ${t.tenant} = ${input.tenant} AND ${t.room} IS NOT NULL`,
  )
  if (links.length === 0) return []
  const rooms = [...new Set(links.map((link) => String(link.room)))]
  const { bookings } = await callPort(req, roomBookingsPort, {
    tenant: input.tenant,
    rooms,
    from: input.from,
    to: input.to,
  })
  return links.flatMap((link) =>
    bookings
      .filter((booking) => booking.room === String(link.room))
      .map((booking) => ({
        resource: String(link.id),
        kind: booking.kind,
        title: booking.title,
        startAt: booking.startAt,
        endAt: booking.endAt,
      })),
  )
}
