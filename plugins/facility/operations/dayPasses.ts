import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import {
  callPort,
  DESK_ROLES,
  hasRoleIn,
  isPlatformAdmin,
  localDate,
  OperationError,
  runSql,
  type AccessUser,
} from '@/core'
import { orderDayPassesPort } from '../contract'
import { assertGuestWaivers } from './assertGuestWaivers'
import { upsertGuest } from './bookReservation'
import { facilityZone } from './facilityZone'
import { dayPassesTable } from './sql/dayPassesTable'
import { guestCheckInsTable } from './sql/guestCheckInsTable'

/**
 * The day passes a paid order sold (`order.paid` → `facility.orderDayPasses`): one row per unit of
 * each `day_pass` line, held by the order's member, else by its buyer as a guest (found by e-mail).
 * Inserted `ON CONFLICT (tenant, order, unit) DO NOTHING`, so a redelivery adds none.
 */
export const issueDayPasses = async (req: PayloadRequest, tenant: string, order: string): Promise<number> => {
  const sold = await callPort(req, orderDayPassesPort, { tenant, order })
  const units = sold.lines.flatMap((line) => Array.from({ length: line.quantity }, () => line))
  if (units.length === 0) return 0
  const guest = sold.member
    ? null
    : await upsertGuest(req, tenant, {
        name: sold.buyer.name || sold.buyer.email || 'Day-pass guest',
        ...(sold.buyer.email ? { email: sold.buyer.email.toLowerCase() } : {}),
      })
  const d = dayPassesTable(req)
  // An order refunded before its `order.paid` was handled (deliveries out of order) issues void passes.
  const status = sold.refunded ? 'void' : 'active'
  let issued = 0
  for (const [index, unit] of units.entries()) {
    const rows = await runSql<{ id: string }>(
      req,
      sql`INSERT INTO ${d.$table} (${d.tenant}, ${d.name}, ${d.order}, ${d.unit}, ${d.product}, ${d.member}, ${d.guest}, ${d.status}, ${d.voidedAt})
          VALUES (${tenant}, ${unit.name}, ${order}, ${index + 1}, ${unit.product}, ${sold.member}, ${guest}, ${status}::${d.$enum.status},
                  ${sold.refunded ? sql`now()` : sql`NULL`})
          ON CONFLICT (${d.tenant}, ${d.order}, ${d.unit}) DO NOTHING RETURNING ${d.id} AS id`,
    )
    issued += rows.length
  }
  return issued
}

/**
 * Commerce refunded an order in full (`order.refunded`, status `refunded`): its unused passes
 * become `void` by one conditional UPDATE (`WHERE status = 'active'`), so a redelivery voids
 * nothing more, a used pass stays used, and a scan racing it either spends the pass first or finds
 * it void. A partial refund leaves the passes (the desk decides which to void). Returns how many.
 */
export const voidRefundedDayPasses = async (req: PayloadRequest, tenant: string, order: string): Promise<number> => {
  const d = dayPassesTable(req)
  const rows = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${d.$table} SET ${d.status} = 'void', ${d.voidedAt} = now(), ${d.updatedAt} = now()
        WHERE ${d.tenant} = ${tenant} AND ${d.order} = ${order} AND ${d.status} = 'active' RETURNING ${d.id} AS id`,
  )
  return rows.length
}

export const dayPassCheckInInput = z
  .object({
    /** The guest a member's pass admits (a guest's own pass admits them). */
    guest: z
      .object({
        name: z.string().trim().min(1, 'a guest needs a name').max(200),
        email: z.string().trim().toLowerCase().email('must be an e-mail address').optional(),
        phone: z.string().trim().max(40).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

export type DayPassCheckInReply = { dayPass: string; localDate: string; guest: string | null; checkIn: string | null }

/**
 * Desk staff spend a day pass: `active → used` by one conditional UPDATE (so of concurrent scans
 * exactly one succeeds; 409 `pass_used` for the others), noting the club's local date; its guest
 * (the pass's own, or the guest a member's pass brings) gets the day's guest check-in (409
 * `already_checked_in` when they already have one today: nothing is spent); a void pass (its
 * order refunded) answers 409 `pass_void`; a guest without a signed waiver (`guards.guestWaiver`)
 * 409 `waiver_required`, the pass unspent. 404 for others.
 */
export const checkInDayPass = async (req: PayloadRequest, id: string, raw: unknown): Promise<DayPassCheckInReply> => {
  const input = dayPassCheckInInput.parse(raw ?? {})
  const d = dayPassesTable(req)
  const [pass] = await runSql<{ tenant: string; member: string | null; guest: string | null }>(
    req,
    sql`SELECT ${d.tenant} AS tenant, ${d.member} AS member, ${d.guest} AS guest FROM ${d.$table} WHERE ${d.id} = ${id}`,
  )
  const user: AccessUser = req.user
  if (!pass || !(isPlatformAdmin(user) || hasRoleIn(user, String(pass.tenant), DESK_ROLES)))
    throw new OperationError(404, 'not_found', 'No such day pass.')
  const tenant = String(pass.tenant)
  const date = localDate(new Date(), await facilityZone(req, { tenant }))
  // The guest it admits has signed the waiver (409 `waiver_required`: the pass stays unspent).
  const guest = pass.guest ? String(pass.guest) : input.guest ? await upsertGuest(req, tenant, input.guest) : null
  if (guest) await assertGuestWaivers(req, tenant, [guest])
  const [used] = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${d.$table} SET ${d.status} = 'used', ${d.usedAt} = now(), ${d.usedOn} = ${date}, ${d.updatedAt} = now()
        WHERE ${d.id} = ${id} AND ${d.status} = 'active' RETURNING ${d.id} AS id`,
  )
  if (!used) {
    const [now] = await runSql<{ status: string }>(
      req,
      sql`SELECT ${d.status} AS status FROM ${d.$table} WHERE ${d.id} = ${id}`,
    )
    if (now?.status === 'void')
      throw new OperationError(409, 'pass_void', 'This day pass is void: its order was refunded, so it admits no one.')
    throw new OperationError(409, 'pass_used', 'This day pass was already used.')
  }
  if (!guest) return { dayPass: id, localDate: date, guest: null, checkIn: null }
  const g = guestCheckInsTable(req)
  const [checkIn] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${g.$table} (${g.tenant}, ${g.guest}, ${g.host}, ${g.checkInAt}, ${g.localDate}, ${g.checkedInBy}, ${g.passSpent}, ${g.dayPass})
        VALUES (${tenant}, ${guest}, ${pass.member}, now(), ${date}, ${String(user!.id)}, true, ${id})
        ON CONFLICT (${g.tenant}, ${g.guest}, ${g.localDate}) DO NOTHING RETURNING ${g.id} AS id`,
  )
  if (!checkIn) throw new OperationError(409, 'already_checked_in', 'This guest is already checked in today.')
  await runSql(req, sql`UPDATE ${d.$table} SET ${d.checkIn} = ${checkIn.id} WHERE ${d.id} = ${id}`)
  return { dayPass: id, localDate: date, guest, checkIn: String(checkIn.id) }
}
