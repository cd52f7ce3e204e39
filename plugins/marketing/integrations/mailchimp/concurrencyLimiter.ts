/** A counting semaphore: at most `max` calls of `run` are in flight; the others wait in order. */
export type ConcurrencyLimiter = {
  run: <T>(work: () => Promise<T>) => Promise<T>
  readonly active: number
  readonly waiting: number
}

export const concurrencyLimiter = (max: number): ConcurrencyLimiter => {
  if (!Number.isInteger(max) || max < 1) throw new Error('A concurrency limit is a positive integer.')
  let active = 0
  const queue: (() => void)[] = []
  const acquire = () =>
    active < max
      ? (active++, Promise.resolve())
      : new Promise<void>((resolve) => queue.push(() => (active++, resolve())))
  const release = () => {
    active--
    queue.shift()?.()
  }
  return {
    run: async (work) => {
      await acquire()
      try {
        return await work()
      } finally {
        release()
      }
    },
    get active() {
      return active
    },
    get waiting() {
      return queue.length
    },
  }
}

/**
 * Mailchimp allows 10 simultaneous connections per account: one limiter per API key in this
 * process, shared by the member sync jobs and the full resync (several worker processes each
 * get their own; run one worker for the `default` queue, or lower the limit, when that matters).
 */
export const MAILCHIMP_MAX_CONNECTIONS = 10
const limiters = new Map<string, ConcurrencyLimiter>()
export const mailchimpLimiter = (apiKey: string): ConcurrencyLimiter => {
  let limiter = limiters.get(apiKey)
  if (!limiter) limiters.set(apiKey, (limiter = concurrencyLimiter(MAILCHIMP_MAX_CONNECTIONS)))
  return limiter
}
