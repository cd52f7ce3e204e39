import { createHash } from 'node:crypto'
import { mailchimpLimiter } from './concurrencyLimiter'

/** Mailchimp's id of a list member: the MD5 of the lower-cased e-mail address. */
export const subscriberHash = (email: string) => createHash('md5').update(email.trim().toLowerCase()).digest('hex')

/** The API's base URL for a key `…-us21`: `https://us21.api.mailchimp.com` (or the connection's override). */
export const mailchimpBaseUrl = (apiKey: string, override?: string | null) => {
  if (override) return override.replace(/\/+$/, '')
  const dc = /-([a-z]+\d+)$/.exec(apiKey.trim())?.[1]
  if (!dc) throw new MailchimpError('The Mailchimp API key has no data-center suffix (…-us21).', null, false)
  return `https://${dc}.api.mailchimp.com`
}

/** A failed call: `retryable` for timeouts, network errors, 429 and 5xx. */
export class MailchimpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'MailchimpError'
  }
}

export type MailchimpClientOptions = {
  apiKey: string
  baseUrl?: string | null
  /** Each HTTP call is aborted after this long (default 10 000 ms). */
  timeoutMs?: number
  /** Attempts per call on retryable failures (default 4). */
  attempts?: number
  /** Backoff before the n-th retry when the answer has no Retry-After: n × this (default 500 ms). */
  backoffMs?: number
}

export type MailchimpMemberInput = {
  email: string
  status: 'subscribed' | 'unsubscribed'
  mergeFields?: Record<string, string>
}

/**
 * Plain `fetch` against the Marketing API v3 (not the official SDK, whose configuration is one
 * global singleton — unsafe with many tenants' keys at once — and which is unmaintained since 2024).
 * HTTP Basic auth (`anystring:<api key>`); every call goes through the key's limiter (at most 10 in
 * flight) and retries 429 (after Retry-After) and 5xx with backoff.
 */
export const mailchimpClient = (options: MailchimpClientOptions) => {
  const base = `${mailchimpBaseUrl(options.apiKey, options.baseUrl)}/3.0`
  const timeoutMs = options.timeoutMs ?? 10_000
  const attempts = Math.max(1, options.attempts ?? 4)
  const backoffMs = options.backoffMs ?? 500
  const limiter = mailchimpLimiter(options.apiKey)
  const authorization = `Basic ${Buffer.from(`atrium:${options.apiKey}`).toString('base64')}`

  const once = (method: string, path: string, body: unknown) =>
    limiter.run(async () => {
      let res: Response
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        throw new MailchimpError(`Mailchimp unreachable (${method} ${path}): ${String(error)}`, null, true)
      }
      const text = await res.text().catch(() => '')
      if (!res.ok) {
        let detail = text.slice(0, 300)
        try {
          const problem = JSON.parse(text) as { title?: unknown; detail?: unknown }
          detail = [problem.title, problem.detail].filter((x) => typeof x === 'string').join(': ') || detail
        } catch {
          // not JSON: the text itself
        }
        const error = new MailchimpError(
          `Mailchimp answered ${res.status} to ${method} ${path}: ${detail}`,
          res.status,
          res.status === 429 || res.status >= 500,
        )
        const retryAfter = Number(res.headers.get('retry-after'))
        throw Object.assign(error, {
          retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
        })
      }
      return text ? (JSON.parse(text) as unknown) : null
    })

  const call = async (method: string, path: string, body: unknown) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(method, path, body)
      } catch (error) {
        if (!(error instanceof MailchimpError) || !error.retryable || attempt >= attempts) throw error
        const after = (error as MailchimpError & { retryAfterMs?: number | null }).retryAfterMs
        await new Promise((resolve) => setTimeout(resolve, Math.min(after ?? backoffMs * attempt, 30_000)))
      }
    }
  }

  return {
    /** Idempotent add-or-update: `PUT /lists/{list}/members/{md5(lower(email))}`. */
    upsertMember: (listId: string, member: MailchimpMemberInput) =>
      call('PUT', `/lists/${encodeURIComponent(listId)}/members/${subscriberHash(member.email)}`, {
        email_address: member.email.trim(),
        status_if_new: member.status,
        status: member.status,
        ...(member.mergeFields ? { merge_fields: member.mergeFields } : {}),
      }),
    /** `POST /lists/{list}/members/{hash}/tags`: tags switched on (active) or off (inactive). */
    setTags: (listId: string, email: string, tags: { name: string; status: 'active' | 'inactive' }[]) =>
      call('POST', `/lists/${encodeURIComponent(listId)}/members/${subscriberHash(email)}/tags`, { tags }),
    /**
     * mkt_rest: GDPR erasure — `POST /lists/{list}/members/{hash}/actions/delete-permanent`: the
     * contact is deleted for good (Mailchimp refuses to re-import the address afterwards).
     */
    deletePermanent: (listId: string, hash: string) =>
      call('POST', `/lists/${encodeURIComponent(listId)}/members/${hash}/actions/delete-permanent`, undefined),
  }
}

export type MailchimpClient = ReturnType<typeof mailchimpClient>
