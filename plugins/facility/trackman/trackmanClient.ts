/** A booking as Trackman's booking API holds it. `externalBookingId` is our reservation id. */
export type TrackmanBooking = {
  id: string
  externalBookingId: string | null
  bayId: string
  userAlias: string
  start: string
  end: string
}
export type TrackmanBookingInput = Omit<TrackmanBooking, 'id' | 'externalBookingId'> & { externalBookingId: string }

/** A failed call: `retryable` for timeouts, network errors, 429 and 5xx. */
export class TrackmanError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'TrackmanError'
  }
}

export type TrackmanClientOptions = {
  baseUrl: string
  apiKey: string
  /** Each HTTP call is aborted after this long (default 5000 ms). */
  timeoutMs?: number
  /** Attempts per operation on retryable failures (default 3). */
  attempts?: number
  /** Backoff before the n-th retry: n × this (default 250 ms). */
  backoffMs?: number
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b)
const differs = (remote: TrackmanBooking, want: TrackmanBookingInput) =>
  remote.bayId !== want.bayId ||
  remote.userAlias !== want.userAlias ||
  !sameInstant(remote.start, want.start) ||
  !sameInstant(remote.end, want.end)

/**
 * A small client of a Trackman-like booking API (global `fetch`, bearer API key, JSON):
 * `GET /bookings?externalBookingId=` or `?from=&to=`, `POST /bookings`, `PATCH /bookings/:id`,
 * `DELETE /bookings/:id`. Every call times out (`AbortSignal.timeout`); reads, updates and deletes
 * are retried with backoff. A create is never retried blindly: `upsertBooking` searches by the
 * external id before each attempt, so a create whose answer was lost is found, not duplicated.
 */
export const trackmanClient = (options: TrackmanClientOptions) => {
  const base = options.baseUrl.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 5000
  const attempts = Math.max(1, options.attempts ?? 3)
  const backoffMs = options.backoffMs ?? 250

  const once = async <T>(method: string, path: string, body?: unknown): Promise<T | null> => {
    let res: Response
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      throw new TrackmanError(
        timedOut
          ? `Trackman did not answer ${method} ${path} within ${timeoutMs} ms`
          : `Trackman unreachable: ${String(error)}`,
        null,
        true,
      )
    }
    if (method === 'DELETE' && res.status === 404) return null
    if (!res.ok) {
      const text = await res.text().catch(() => '')
      throw new TrackmanError(
        `Trackman answered ${res.status} to ${method} ${path}: ${text.slice(0, 200)}`,
        res.status,
        res.status === 429 || res.status >= 500,
      )
    }
    if (res.status === 204) return null
    return (await res.json()) as T
  }

  /** Runs `work` up to `attempts` times while it fails with a retryable error. */
  const withRetries = async <T>(work: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work()
      } catch (error) {
        if (!(error instanceof TrackmanError) || !error.retryable || attempt >= attempts) throw error
        await new Promise((resolve) => setTimeout(resolve, backoffMs * attempt))
      }
    }
  }

  const findByExternalId = (externalBookingId: string) =>
    withRetries(async () => {
      const page = await once<{ bookings: TrackmanBooking[] }>(
        'GET',
        `/bookings?externalBookingId=${encodeURIComponent(externalBookingId)}`,
      )
      return page?.bookings ?? []
    })

  const listBookings = (from: Date, to: Date) =>
    withRetries(async () => {
      const query = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`
      const page = await once<{ bookings: TrackmanBooking[] }>('GET', `/bookings?${query}`)
      return page?.bookings ?? []
    })

  const updateBooking = (id: string, patch: Partial<TrackmanBookingInput>) =>
    withRetries(async () => (await once<TrackmanBooking>('PATCH', `/bookings/${encodeURIComponent(id)}`, patch))!)

  const deleteBooking = (id: string) =>
    withRetries(async () => {
      await once('DELETE', `/bookings/${encodeURIComponent(id)}`)
    })

  /**
   * Creates the booking of `want.externalBookingId`, or brings the one Trackman has up to date
   * (extra copies are deleted). Each attempt searches first, so retries never duplicate.
   */
  const upsertBooking = (want: TrackmanBookingInput) =>
    withRetries(async (): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; booking: TrackmanBooking }> => {
      const [found, ...extra] = await findByExternalId(want.externalBookingId)
      for (const copy of extra) await deleteBooking(copy.id)
      if (found) {
        if (!differs(found, want)) return { outcome: 'unchanged', booking: found }
        return { outcome: 'updated', booking: await updateBooking(found.id, want) }
      }
      return { outcome: 'created', booking: (await once<TrackmanBooking>('POST', '/bookings', want))! }
    })

  /** Deletes every booking Trackman holds for our reservation; how many there were. */
  const deleteByExternalId = async (externalBookingId: string) => {
    const found = await findByExternalId(externalBookingId)
    for (const booking of found) await deleteBooking(booking.id)
    return found.length
  }

  return { findByExternalId, listBookings, updateBooking, deleteBooking, upsertBooking, deleteByExternalId, differs }
}

export type TrackmanClient = ReturnType<typeof trackmanClient>
export { differs as bookingDiffers }
