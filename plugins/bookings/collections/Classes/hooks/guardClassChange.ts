import type { CollectionBeforeChangeHook } from 'payload'
import { idOf, OperationError } from '@/core'
import { assertInstructorFree } from '../../../operations/classes/assertInstructorFree'
import { assertRoomFree } from '../../../operations/classes/assertRoomFree'

/** Capacity never drops below the places taken; a cancelled class stays cancelled; no instructor or room overlap. */
export const guardClassChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const capacity = data.capacity ?? originalDoc?.capacity
  if (
    operation === 'update' &&
    originalDoc &&
    typeof capacity === 'number' &&
    capacity < (originalDoc.bookedCount ?? 0)
  ) {
    throw new OperationError(
      400,
      'capacity_below_booked',
      `Capacity cannot drop below the ${originalDoc.bookedCount} places already booked.`,
    )
  }
  if (originalDoc?.status === 'cancelled' && data.status && data.status !== 'cancelled') {
    throw new OperationError(
      409,
      'class_cancelled',
      'A cancelled class cannot be reopened; create a new class instead.',
    )
  }
  const status = data.status ?? originalDoc?.status ?? 'scheduled'
  const instructor = idOf('instructor' in data ? data.instructor : originalDoc?.instructor)
  const changed =
    operation === 'create' ||
    idOf(data.instructor) !== idOf(originalDoc?.instructor) ||
    (data.startTime && new Date(data.startTime).getTime() !== new Date(originalDoc?.startTime).getTime()) ||
    (data.durationMinutes !== undefined && data.durationMinutes !== originalDoc?.durationMinutes)
  const startTime = new Date(data.startTime ?? originalDoc?.startTime).toISOString()
  const classId = originalDoc?.id ? String(originalDoc.id) : undefined
  if (status === 'scheduled' && instructor && changed && data.endTime) {
    await assertInstructorFree(req, { instructor, startTime, endTime: data.endTime, classId })
  }
  const room = idOf('room' in data ? data.room : originalDoc?.room)
  if (status === 'scheduled' && room && (changed || idOf(data.room) !== idOf(originalDoc?.room)) && data.endTime) {
    await assertRoomFree(req, { room, startTime, endTime: data.endTime, classId, what: 'class' })
  }
  return data
}
