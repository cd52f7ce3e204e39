import type { AuthStrategy, Payload } from 'payload'
import { JWT_AUTH_VERSION } from 'payload'
import { jwtVerify } from 'jose'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '../db/sqlFor'

/**
 * Payload's session token (the `payload-token` cookie, or an `Authorization: JWT|Bearer` header),
 * checked with ONE SQL statement instead of a full `findByID` of the user: the hot API paths
 * (booking, check-in, schedule) spend most of their time authenticating otherwise. It runs before
 * Payload's own `local-jwt` strategy and accepts exactly the tokens that one accepts (same signing
 * key and auth version, unexpired, its session still on the user); anything it cannot decide
 * falls through to Payload. `req.user` carries the user's own columns and the tenants mirror with
 * roles (what access control reads), never password or reset fields.
 */
const TOKEN_HEADERS = ['JWT ', 'Bearer ']

const cookieToken = (headers: Headers, payload: Payload): string | null => {
  const name = `${payload.config.cookiePrefix}-token`
  const cookie = headers.get('cookie')
  if (!cookie) return null
  const pair = cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
  if (!pair) return null
  // The same cross-site rule as Payload's cookie extraction: an Origin must be allowed by `csrf`.
  const allowed = payload.config.csrf
  const origin = headers.get('origin')
  if (origin)
    return allowed.length === 0 || allowed.includes(origin) ? decodeURIComponent(pair.slice(name.length + 1)) : null
  if (allowed.length === 0) return decodeURIComponent(pair.slice(name.length + 1))
  const site = headers.get('sec-fetch-site')
  return site === 'same-origin' || site === 'same-site' || site === 'none'
    ? decodeURIComponent(pair.slice(name.length + 1))
    : null
}

const extractToken = (headers: Headers, payload: Payload): string | null => {
  for (const method of payload.config.auth.jwtOrder) {
    if (method === 'cookie') {
      const token = cookieToken(headers, payload)
      if (token) return token
      continue
    }
    const header = headers.get('authorization')
    const prefix = TOKEN_HEADERS.find((p) => p.trim() === method)
    if (header && prefix && header.startsWith(prefix)) return header.slice(prefix.length)
  }
  return null
}

const keys = new WeakMap<Payload, Uint8Array>()
const keyOf = (payload: Payload) => {
  let key = keys.get(payload)
  if (!key) keys.set(payload, (key = new TextEncoder().encode(payload.secret)))
  return key
}

type Row = {
  id: string
  email: string
  name: string | null
  phone: string | null
  locale: string | null
  status: string | null
  platformRole: string | null
  createdAt: string
  updatedAt: string
  tenants: { id: string; tenant: string; roles: string[] }[] | null
}

export const sessionUserStrategy: AuthStrategy = {
  name: 'session-user',
  authenticate: async ({ headers, payload }) => {
    const token = extractToken(headers, payload)
    if (!token) return { user: null }
    let claims: Record<string, unknown>
    try {
      const verified = await jwtVerify(token, keyOf(payload))
      if (verified.protectedHeader.authVersion !== JWT_AUTH_VERSION) return { user: null }
      claims = verified.payload
    } catch {
      return { user: null }
    }
    if (claims.collection !== 'users' || typeof claims.id !== 'string' || typeof claims.sid !== 'string')
      return { user: null }
    const [row] = await runSql<Row>(
      { payload, transactionID: undefined },
      sql`SELECT u.id, u.email, u.name, u.phone, u.locale, u.status, u.platform_role AS "platformRole",
                 u.created_at AS "createdAt", u.updated_at AS "updatedAt",
                 (SELECT json_agg(json_build_object('id', t.id, 'tenant', t.tenant_id, 'roles',
                           coalesce((SELECT json_agg(r.value ORDER BY r."order") FROM users_tenants_roles r WHERE r.parent_id = t.id), '[]'::json))
                         ORDER BY t._order)
                    FROM users_tenants t WHERE t._parent_id = u.id) AS tenants
          FROM users u
          WHERE u.id = ${claims.id} AND u.deleted_at IS NULL
            AND EXISTS (SELECT 1 FROM users_sessions s WHERE s._parent_id = u.id AND s.id = ${claims.sid})`,
      { prepared: true },
    )
    if (!row) return { user: null }
    const user = {
      ...row,
      id: String(row.id),
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      tenants: row.tenants ?? [],
      collection: 'users' as const,
      // The same token Payload's local strategy accepts: keep its name so refresh and logout behave identically.
      _strategy: 'local-jwt',
      _sid: claims.sid,
    }
    return { user: user as never }
  },
}
