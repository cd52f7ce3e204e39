import type { PayloadRequest } from 'payload'
import { OperationError, hasCollection } from '@/core'
import { recordCompletion } from './completeLesson'
import { lessonAccess } from './mayAccess'

/**
 * A member checked in to a class (bookings' `booking.checked_in`): every live-session lesson of the
 * business linked to that class completes for the member through the one completion path
 * (`recordCompletion`: once per member and lesson, progress, `lesson.completed`, `course.completed`
 * once), so a redelivered event changes nothing. Lessons the member may not open (locked, not
 * enrolled) are left alone. Returns how many lessons completed now.
 */
export const completeLiveLessons = async (
  req: PayloadRequest,
  input: { tenant: string; class: string; member: string },
): Promise<number> => {
  if (!hasCollection(req.payload, 'classes')) return 0
  const { docs } = await req.payload.find({
    collection: 'lessons',
    where: {
      and: [
        { tenant: { equals: input.tenant } },
        { itemType: { equals: 'live' } },
        { liveClass: { equals: input.class } },
      ],
    },
    sort: 'id',
    limit: 100,
    depth: 0,
    req,
  })
  let completed = 0
  for (const { id } of docs) {
    const access = await lessonAccess(req, { member: input.member, lesson: String(id) })
    if (!access.lesson || !access.decision.allowed) continue
    try {
      if ((await recordCompletion(req, { lesson: access.lesson, member: input.member })).completed) completed++
    } catch (error) {
      // Not enrolled in that lesson's course: nothing to complete (the check runs before any write).
      if (error instanceof OperationError && error.code === 'not_enrolled') continue
      throw error
    }
  }
  return completed
}
