import type { PayloadRequest } from 'payload'
import { hasCollection, idOf } from '@/core'
import type { LiveSessionView } from '../contract'

const HOLDING = ['confirmed', 'checked_in']

/**
 * The class of a live-session lesson for the lesson view: its times in its zone (the class's, else
 * the business's), its status and the viewer's booking; the join link only for a member holding a
 * place, or staff (`staff`). Reads bookings' `classes` and `bookings` through Payload (ids in,
 * documents out); null without bookings or when the lesson has no class.
 */
export const liveSessionView = async (
  req: PayloadRequest,
  input: { lesson: string; member: string | null; staff: boolean },
): Promise<LiveSessionView | null> => {
  if (!hasCollection(req.payload, 'classes') || !hasCollection(req.payload, 'bookings')) return null
  const lesson = await req.payload.findByID({
    collection: 'lessons',
    id: input.lesson,
    depth: 0,
    select: { liveClass: true },
    req,
    disableErrors: true,
  })
  const classId = idOf(lesson?.liveClass)
  const klass = classId
    ? await req.payload.findByID({ collection: 'classes', id: classId, depth: 0, req, disableErrors: true })
    : null
  if (!klass) return null
  const { docs } = input.member
    ? await req.payload.find({
        collection: 'bookings',
        where: {
          and: [
            { class: { equals: klass.id } },
            { member: { equals: input.member } },
            { status: { not_in: ['cancelled', 'late_cancelled'] } },
          ],
        },
        sort: '-createdAt',
        limit: 1,
        depth: 0,
        req,
      })
    : { docs: [] }
  const booking = docs[0] ? { id: String(docs[0].id), status: docs[0].status } : null
  const booked = booking ? HOLDING.includes(booking.status) : false
  const tenant = idOf(klass.tenant)
  const zone =
    klass.timezone ||
    (tenant
      ? (await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, req, disableErrors: true }))
          ?.timezone
      : null) ||
    'UTC'
  const start = new Date(klass.startTime)
  const end = klass.endTime ? new Date(klass.endTime) : new Date(start.getTime() + klass.durationMinutes * 60_000)
  return {
    class: String(klass.id),
    title: klass.title,
    startTime: start.toISOString(),
    endTime: end.toISOString(),
    timezone: zone,
    status: klass.status,
    deliveryMode: klass.deliveryMode ?? null,
    joinLink: booked || input.staff ? (klass.joinLink ?? null) : null,
    booking,
    booked,
    checkedIn: booking?.status === 'checked_in',
  }
}
