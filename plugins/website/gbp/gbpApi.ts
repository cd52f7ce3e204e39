import type { GbpAuth, GbpConnection } from './gbpConnection'
import type { LocalPost } from './buildLocalPost'
import { retryAfterOf } from './retryAfterOf'

/**
 * A failed call to Google. `retryable`: a timeout, a network error, 429 or 5xx (the job tries again
 * with backoff, or at Google's `Retry-After` when it sent one); otherwise Google refused the request (4xx) and trying again would not help.
 */
export class GbpCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    /** Set on a timeout: the request may have been carried out. */
    readonly outcomeUnknown = false,
    /** Google's `Retry-After` on a 429 / 5xx: the retry goes no earlier than this. */
    readonly retryAt: Date | null = null,
  ) {
    super(message)
    this.name = 'GbpCallError'
  }
}

/** A post as Google returns it (the fields the sync reads). */
export type RemotePost = LocalPost & { name: string; state?: string }

export type GbpApi = {
  /** `parent`: the location, `accounts/{a}/locations/{l}`. */
  createPost: (parent: string, body: LocalPost) => Promise<RemotePost>
  patchPost: (name: string, body: LocalPost, updateMask: string[]) => Promise<RemotePost>
  /** Deletes a post; one Google no longer has (404) counts as deleted. */
  deletePost: (name: string) => Promise<void>
  /** Every post of a location (all pages). */
  listPosts: (parent: string) => Promise<RemotePost[]>
}

// Access tokens got from refresh tokens, until a minute before they expire.
const tokens = new Map<string, { token: string; until: number }>()

const accessToken = async (auth: GbpAuth, timeoutMs: number): Promise<string> => {
  if (auth.kind === 'token') return auth.accessToken
  const key = `${auth.tokenUrl} ${auth.clientId} ${auth.refreshToken}`
  const cached = tokens.get(key)
  if (cached && cached.until > Date.now()) return cached.token
  const res = await call(auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: auth.refreshToken,
      client_id: auth.clientId,
      client_secret: auth.clientSecret,
    }).toString(),
    timeoutMs,
  })
  const json = (await res.json()) as { access_token?: string; expires_in?: number }
  if (!json.access_token) throw new GbpCallError('The token endpoint answered without an access token.', 200, false)
  tokens.set(key, { token: json.access_token, until: Date.now() + (Number(json.expires_in ?? 3600) - 60) * 1000 })
  return json.access_token
}

const call = async (url: string, init: RequestInit & { timeoutMs: number }): Promise<Response> => {
  let res: Response
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) })
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    throw new GbpCallError(
      timedOut
        ? `Google did not answer within ${init.timeoutMs} ms (${init.method} ${new URL(url).pathname}).`
        : `Google could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      null,
      true,
      true,
    )
  }
  if (res.ok) return res
  const detail = (await res.text().catch(() => '')).slice(0, 500)
  const retryable = res.status === 429 || res.status >= 500
  throw new GbpCallError(
    `Google answered ${res.status} to ${init.method} ${new URL(url).pathname}: ${detail}`,
    res.status,
    retryable,
    false,
    retryable ? retryAfterOf(res.headers.get('retry-after')) : null,
  )
}

/**
 * The Business Profile API's localPosts (v4) over plain `fetch` (no googleapis dependency: four
 * calls do not need it): create `POST accounts/{a}/locations/{l}/localPosts`, patch
 * `PATCH {name}?updateMask=…`, delete `DELETE {name}`, list `GET …/localPosts`. Every call carries
 * the connection's bearer token and gives up after its `timeoutMs`.
 */
export const gbpApi = (connection: GbpConnection): GbpApi => {
  const request = async (method: string, path: string, body?: unknown) => {
    const token = await accessToken(connection.auth, connection.timeoutMs)
    return call(`${connection.baseUrl}/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: connection.timeoutMs,
    })
  }
  return {
    createPost: async (parent, body) =>
      (await (await request('POST', `${parent}/localPosts`, body)).json()) as RemotePost,
    patchPost: async (name, body, updateMask) =>
      (await (
        await request('PATCH', `${name}?updateMask=${encodeURIComponent(updateMask.join(','))}`, body)
      ).json()) as RemotePost,
    deletePost: async (name) => {
      try {
        await request('DELETE', name)
      } catch (error) {
        if (error instanceof GbpCallError && error.status === 404) return
        throw error
      }
    },
    listPosts: async (parent) => {
      const posts: RemotePost[] = []
      let pageToken: string | undefined
      for (let page = 0; page < 50; page++) {
        const query = new URLSearchParams({ pageSize: '100', ...(pageToken ? { pageToken } : {}) })
        const json = (await (await request('GET', `${parent}/localPosts?${query}`)).json()) as {
          localPosts?: RemotePost[]
          nextPageToken?: string
        }
        posts.push(...(json.localPosts ?? []))
        pageToken = json.nextPageToken
        if (!pageToken) break
      }
      return posts
    },
  }
}
