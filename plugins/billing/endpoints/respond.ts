import type { PayloadRequest } from 'payload'
import { OperationError } from '../operations/OperationError'
import { inTransaction } from '../operations/inTransaction'

const readJson = async (req: PayloadRequest): Promise<unknown> => {
  try {
    return req.json ? await req.json() : {}
  } catch {
    throw new OperationError(400, 'invalid_json', 'The request body must be JSON.')
  }
}

const uniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } }
  return e?.code === '23505' || e?.cause?.code === '23505'
}
const checkViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } }
  return e?.code === '23514' || e?.cause?.code === '23514'
}

/**
 * A thin endpoint: reads the JSON body, runs `work` in one transaction and answers with its
 * result, or with `{ error: { code, message } }` and the operation's status (nothing written).
 */
export const respond =
  (work: (req: PayloadRequest, body: unknown) => Promise<unknown>, status = 200) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
      const body = req.method === 'GET' ? {} : await readJson(req)
      const result = await inTransaction(req, () => work(req, body))
      return Response.json(result, { status })
    } catch (error) {
      if (error instanceof OperationError) {
        return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status })
      }
      if (uniqueViolation(error)) return Response.json({ error: { code: 'conflict', message: 'A conflicting record already exists; try again.' } }, { status: 409 })
      if (checkViolation(error)) return Response.json({ error: { code: 'constraint', message: 'The change would break a balance or stock rule.' } }, { status: 409 })
      req.payload.logger.error({ err: error, msg: 'operation failed' })
      return Response.json({ error: { code: 'internal', message: 'Something went wrong.' } }, { status: 500 })
    }
  }
