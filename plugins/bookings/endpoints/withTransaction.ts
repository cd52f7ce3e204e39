import type { PayloadRequest } from 'payload'
import { APIError, commitTransaction, initTransaction, killTransaction } from 'payload'
import { ZodError } from 'zod'
import { BookingError } from '../operations/BookingError'

/**
 * Runs an endpoint's work in the request's transaction (custom endpoints get none by default) and
 * turns refusals into JSON: `{ error: code, message }` with the refusal's status.
 */
export const withTransaction = async (req: PayloadRequest, work: () => Promise<Response>): Promise<Response> => {
  const shouldCommit = await initTransaction(req)
  try {
    const response = await work()
    if (shouldCommit) await commitTransaction(req)
    return response
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    return errorResponse(req, error)
  }
}

export const errorResponse = (req: PayloadRequest, error: unknown): Response => {
  if (error instanceof ZodError) {
    return Response.json(
      { error: 'invalid_input', message: error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ') },
      { status: 400 },
    )
  }
  if (error instanceof BookingError) return Response.json({ error: error.code, message: error.message }, { status: error.status })
  if (error instanceof APIError && error.status < 500) {
    return Response.json({ error: error.status === 404 ? 'not_found' : error.status === 403 ? 'forbidden' : 'refused', message: error.message }, { status: error.status })
  }
  const pg = error as { code?: string; cause?: { code?: string } }
  const code = pg?.code ?? pg?.cause?.code
  if (code === '23505') return Response.json({ error: 'already_booked', message: 'This member already holds a place in this class.' }, { status: 409 })
  if (code === '23514') return Response.json({ error: 'constraint', message: 'The change would break a capacity rule.' }, { status: 409 })
  if (code === '40P01' || code === '40001') return Response.json({ error: 'busy', message: 'Too many changes at once; try again.' }, { status: 503 })
  req.payload.logger.error({ err: error }, 'bookings endpoint failed')
  return Response.json({ error: 'internal', message: 'Something went wrong.' }, { status: 500 })
}
