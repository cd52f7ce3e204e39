import { APIError, type PayloadRequest } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { endpointHandler } from './endpointHandler'
import { OperationError } from './OperationError'

/** A request over a fake database adapter that records what happened to the transaction. */
const fakeReq = (init: { method?: string; body?: string; user?: unknown } = {}) => {
  const log: string[] = []
  const error = vi.fn()
  const request = new Request('http://x/api/thing', { method: init.method ?? 'POST', body: init.body })
  const req = Object.assign(request, {
    user: init.user ?? null,
    payload: {
      logger: { error },
      db: {
        beginTransaction: async () => (log.push('begin'), 'tx-1'),
        commitTransaction: async () => void log.push('commit'),
        rollbackTransaction: async () => void log.push('rollback'),
      },
    },
  }) as unknown as PayloadRequest
  return { req, log, error }
}

const answer = async (res: Response) => ({ status: res.status, body: await res.json() })

describe('endpointHandler', () => {
  it('reads the JSON body once, commits, and answers with the result and status', async () => {
    const { req, log } = fakeReq({ body: JSON.stringify({ a: 1 }) })
    const res = await endpointHandler(async (_req, body) => ({ got: body }), { status: 201 })(req)
    expect(await answer(res)).toEqual({ status: 201, body: { got: { a: 1 } } })
    expect(log).toEqual(['begin', 'commit'])
  })

  it('passes {} for an empty body or a GET, and returns a Response from the work as is', async () => {
    const empty = fakeReq()
    expect(await answer(await endpointHandler(async (_req, body) => ({ body }))(empty.req))).toEqual({
      status: 200,
      body: { body: {} },
    })
    const get = fakeReq({ method: 'GET' })
    const res = await endpointHandler(async () =>
      Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } }),
    )(get.req)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('runs read-only work without a transaction when asked', async () => {
    const { req, log } = fakeReq({ method: 'GET' })
    const res = await endpointHandler(async () => ({ ok: true }), { transaction: false })(req)
    expect(await answer(res)).toEqual({ status: 200, body: { ok: true } })
    expect(log).toEqual([])
  })

  it('answers 401 first when a user is required and nobody is signed in', async () => {
    const { req, log } = fakeReq({ body: '{' })
    expect(await answer(await endpointHandler(async () => ({}), { requireUser: true })(req))).toEqual({
      status: 401,
      body: { error: 'unauthenticated', message: 'Sign in first.' },
    })
    expect(log).toEqual([])
  })

  it('maps every error to { error, message } and rolls back', async () => {
    const pg = (code: string) => Object.assign(new Error('db'), { cause: { code } })
    const cases: [string | undefined, () => never, number, string, string][] = [
      ['{not json', () => undefined as never, 400, 'invalid_json', 'The request body must be JSON.'],
      [
        undefined,
        () => z.object({ n: z.number({ message: 'must be a number' }) }).parse({}) as never,
        400,
        'invalid_input',
        'n: must be a number',
      ],
      [
        undefined,
        () => {
          throw new OperationError(409, 'class_full', 'This class is full.')
        },
        409,
        'class_full',
        'This class is full.',
      ],
      [
        undefined,
        () => {
          throw new APIError('Not Found', 404)
        },
        404,
        'not_found',
        'Not Found',
      ],
      [
        undefined,
        () => {
          throw new APIError('You are not allowed to perform this action.', 403)
        },
        403,
        'forbidden',
        'You are not allowed to perform this action.',
      ],
      [
        undefined,
        () => {
          throw new APIError('Bad', 400)
        },
        400,
        'refused',
        'Bad',
      ],
      [
        undefined,
        () => {
          throw pg('23505')
        },
        409,
        'conflict',
        'A conflicting record already exists; try again.',
      ],
      [
        undefined,
        () => {
          throw Object.assign(new Error('db'), { code: '23514' })
        },
        409,
        'constraint',
        'The change would break a rule the data must keep.',
      ],
      [
        undefined,
        () => {
          throw pg('40P01')
        },
        503,
        'busy',
        'Too many changes at once; try again.',
      ],
      [
        undefined,
        () => {
          throw pg('40001')
        },
        503,
        'busy',
        'Too many changes at once; try again.',
      ],
      [
        undefined,
        () => {
          throw new Error('secret detail')
        },
        500,
        'internal',
        'Something went wrong.',
      ],
    ]
    for (const [body, work, status, error, message] of cases) {
      const fake = fakeReq({ body })
      const res = await endpointHandler(async () => work())(fake.req)
      expect(await answer(res), error).toEqual({ status, body: { error, message } })
      if (body === undefined) expect(fake.log).toEqual(['begin', 'rollback'])
      expect(fake.error).toHaveBeenCalledTimes(error === 'internal' ? 1 : 0)
    }
  })

  it("keeps the code on OperationError for Payload's own handlers", () => {
    const error = new OperationError(409, 'class_has_bookings', 'This class has bookings.')
    expect(error).toBeInstanceOf(APIError)
    expect({ status: error.status, code: error.code, data: error.data, isPublic: error.isPublic }).toEqual({
      status: 409,
      code: 'class_has_bookings',
      data: { code: 'class_has_bookings' },
      isPublic: true,
    })
  })
})
