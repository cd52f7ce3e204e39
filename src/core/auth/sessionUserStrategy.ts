import type { AuthStrategy, Payload } from 'payload'
import { JWTAuthentication } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '../db/sqlFor'

/**
 * Payload's own session-token check (`JWTAuthentication`: where the token is read from, the CSRF
 * cookie rule, the signature, expiry and auth version, the claims, the session still on the user)
 * with one thing swapped: the user is loaded by ONE SQL statement instead of a full `findByID`
 * with field hooks. The hot API paths (booking, check-in, schedule) spend most of their time
 * authenticating otherwise. Every rule stays Payload's, so an upgrade that changes one changes it
 * here too; the parity suite (src/core/http/lean/leanParity.int.test.ts) checks the outcome against
 * Payload's pipeline without this strategy. `req.user` carries the user's own columns, the tenants
 * mirror with roles (what access control reads) and the session ids, never password or reset fields.
 */
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
  sessions: { id: string; createdAt: string | null; expiresAt: string }[] | null
}

const USERS = 'users'

const loadUser = async (payload: Payload, id: string | number) => {
  const [row] = await runSql<Row>(
    { payload, transactionID: undefined },
    sql`SELECT u.id, u.email, u.name, u.phone, u.locale, u.status, u.platform_role AS "platformRole",
               u.created_at AS "createdAt", u.updated_at AS "updatedAt",
               (SELECT json_agg(json_build_object('id', t.id, 'tenant', t.tenant_id, 'roles',
                         coalesce((SELECT json_agg(r.value ORDER BY r."order") FROM users_tenants_roles r WHERE r.parent_id = t.id), '[]'::json))
                       ORDER BY t._order)
                  FROM users_tenants t WHERE t._parent_id = u.id) AS tenants,
               (SELECT json_agg(json_build_object('id', s.id, 'createdAt', s.created_at, 'expiresAt', s.expires_at) ORDER BY s._order)
                  FROM users_sessions s WHERE s._parent_id = u.id) AS sessions
        FROM users u
        WHERE u.id = ${String(id)} AND u.deleted_at IS NULL`,
    { prepared: true },
  )
  if (!row) return null
  return {
    ...row,
    id: String(row.id),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    tenants: row.tenants ?? [],
    sessions: (row.sessions ?? []).map((session) => ({
      id: session.id,
      createdAt: session.createdAt && new Date(session.createdAt).toISOString(),
      expiresAt: new Date(session.expiresAt).toISOString(),
    })),
  }
}

/**
 * The Payload instance `JWTAuthentication` is handed: the real one (config, secret, collections,
 * every other method) with `findByID` of users answered by `loadUser`. A failure to load the user
 * (the database is down) is kept in `failure`: Payload's strategy swallows errors as "no user".
 */
const delegateOf = (payload: Payload, failure: { error?: unknown }): Payload => {
  const delegate = Object.create(payload) as Payload
  const findByID = (async (options: Parameters<Payload['findByID']>[0]) => {
    if (options.collection !== USERS) return payload.findByID(options)
    try {
      return await loadUser(payload, options.id)
    } catch (error) {
      failure.error = error
      throw error
    }
  }) as Payload['findByID']
  Object.defineProperty(delegate, 'findByID', { value: findByID })
  return delegate
}

export const sessionUserStrategy: AuthStrategy = {
  name: 'session-user',
  // The same token Payload's local strategy accepts: keep its name so refresh and logout behave identically.
  // A user that could not be loaded is an error (503 while the database is unreachable), not a 401.
  authenticate: async (args) => {
    const failure: { error?: unknown } = {}
    const result = await JWTAuthentication({
      ...args,
      payload: delegateOf(args.payload, failure),
      strategyName: 'local-jwt',
    })
    if (!result.user && failure.error) throw failure.error
    return result
  },
}
