import type { PayloadRequest } from 'payload'
import { OperationError, idOf } from '@/core'

/**
 * A live-session lesson's class exists and belongs to the lesson's business (400 `invalid_target`,
 * `target_mismatch`). Only called when bookings is installed (`classes` exists).
 */
export const checkLiveClass = async (
  req: PayloadRequest,
  input: { liveClass: string | null | undefined; tenant: string | null | undefined },
): Promise<void> => {
  const klass = input.liveClass
    ? await req.payload.findByID({
        collection: 'classes',
        id: input.liveClass,
        depth: 0,
        select: { tenant: true },
        req,
        disableErrors: true,
      })
    : null
  if (!klass) throw new OperationError(400, 'invalid_target', 'A live lesson needs a class (its live session).')
  if (input.tenant && idOf(klass.tenant) !== input.tenant)
    throw new OperationError(400, 'target_mismatch', 'The class belongs to another business.')
}
