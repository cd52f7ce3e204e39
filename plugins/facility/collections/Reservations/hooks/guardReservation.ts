import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '@/core'
import { accessWindow, type AccessCodeOptions } from '../../../operations/accessCode'
import { claimReservationRoom } from '../../../operations/claimReservationRoom'
import { uniqueAccessCode } from '../../../operations/uniqueAccessCode'

const idOf = (value: unknown): string | null =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : value ? String(value) : null

/**
 * Reservations written in the admin (the endpoints write theirs in SQL) keep the same invariants:
 * the blocked range adds the resource's buffers (the exclusion constraint reads it), a confirmed
 * reservation has a door code valid from start − lead to end + grace, a cancelled one has none;
 * an active one on a resource that is a bookings room does not overlap its classes and
 * appointments (409 `room_busy`).
 */
export const guardReservation =
  (codes: AccessCodeOptions): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const merged = { ...originalDoc, ...data }
    const startAt = new Date(merged.startAt)
    const endAt = new Date(merged.endAt)
    if (!(endAt.getTime() > startAt.getTime()))
      throw new OperationError(400, 'invalid_input', 'A reservation ends after it starts.')
    const resource = await req.payload.findByID({
      collection: 'facility-resources',
      id: idOf(merged.resource)!,
      depth: 0,
      req,
      disableErrors: true,
      trash: true,
    })
    const rules: { bufferBeforeMinutes?: number | null; bufferAfterMinutes?: number | null } =
      resource?.bookingRules ?? {}
    data.blockedFrom = new Date(startAt.getTime() - (rules.bufferBeforeMinutes ?? 0) * 60_000).toISOString()
    data.blockedUntil = new Date(endAt.getTime() + (rules.bufferAfterMinutes ?? 0) * 60_000).toISOString()
    data.durationMinutes = (endAt.getTime() - startAt.getTime()) / 60_000
    // Active on a resource that is a bookings room: the room locked and free of classes and appointments then.
    if (resource && ['requested', 'confirmed'].includes(merged.status))
      await claimReservationRoom(req, {
        resource: String(resource.id),
        from: new Date(data.blockedFrom),
        until: new Date(data.blockedUntil),
        reservation: originalDoc?.id ? String(originalDoc.id) : undefined,
      })
    if (merged.status === 'confirmed') {
      const access = accessWindow(startAt, endAt, codes)
      data.accessCode = merged.accessCode || (await uniqueAccessCode(req, idOf(merged.tenant)!, codes.digits))
      data.accessValidFrom = access.from.toISOString()
      data.accessValidUntil = access.until.toISOString()
    } else if (merged.status !== 'requested') {
      data.accessCode = null
      data.accessValidFrom = null
      data.accessValidUntil = null
      if (merged.status === 'cancelled' && !merged.cancelledAt) {
        data.cancelledAt = new Date().toISOString()
        data.cancelReason = merged.cancelReason ?? 'staff'
      }
    }
    return data
  }
