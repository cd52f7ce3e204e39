import { SignJWT } from 'jose'
import { JWT_AUTH_VERSION, type Endpoint, type Plugin, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  createPerson,
  createTenant,
  leanParity,
  signIn,
  useTestApp,
  type ParityAnswer,
  type ParityRow,
} from '../../testing'
import { endpointHandler } from '../endpointHandler'
import { leanEndpoint } from '.'

// The lean path against Payload's own pipeline: every row goes through Payload's REST route (with
// Payload's auth strategies only, and with ours in front), through the lean dispatch and through
// the lean route as Next mounts it, and all four must answer alike: status, headers, body and the
// person the endpoint saw. To cover a new case, add a row.

const PROBE_HIDDEN = ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'apiKey', 'apiKeyIndex']
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** What a probe endpoint saw: the person (as access control reads them), params, query and body. */
const seen = async (req: PayloadRequest, body: unknown) => {
  const user = req.user as unknown as Record<string, unknown> | null
  return {
    user: user && {
      ...Object.fromEntries(
        [
          'id',
          'collection',
          '_strategy',
          '_sid',
          'email',
          'name',
          'phone',
          'locale',
          'status',
          'platformRole',
          'createdAt',
          'updatedAt',
        ].map((key) => [key, user[key] ?? null]),
      ),
      tenants: ((user.tenants as { tenant: unknown; roles?: string[] }[] | undefined) ?? []).map((t) => ({
        tenant: idOf(t.tenant),
        roles: t.roles ?? [],
      })),
      tenant: idOf(user.tenant) ?? null,
      hidden: PROBE_HIDDEN.filter((key) => key in user),
    },
    method: req.method,
    routeParams: req.routeParams,
    query: req.query,
    language: req.i18n?.language,
    body,
  }
}

const probeEndpoint = (endpoint: Omit<Endpoint, 'handler'>): Endpoint =>
  leanEndpoint({ ...endpoint, handler: endpointHandler(seen, { transaction: false }) })

/** Lean probes on a core collection and at the root: they only report what they saw. */
const probes: Plugin = (config) => ({
  ...config,
  endpoints: [
    ...(config.endpoints ?? []),
    probeEndpoint({ path: '/lean-probe', method: 'get' }),
    probeEndpoint({ path: '/lean-probe', method: 'post' }),
  ],
  collections: (config.collections ?? []).map((collection) =>
    collection.slug === 'users'
      ? {
          ...collection,
          endpoints: [...(collection.endpoints || []), probeEndpoint({ path: '/:id/lean-probe', method: 'post' })],
        }
      : collection,
  ),
})

const app = useTestApp({ plugins: [probes] })

type Person = { id: string; email: string; token: string }
type Fixtures = {
  tenant: string
  member: Person
  /** The member's second session: still valid after the first one logs out. */
  secondSession: string
  loggedOut: Person
  locked: Person
  suspended: Person
  trashed: Person
  removed: Person
  expired: string
  tampered: string
  otherUsersClaims: string
  wrongAuthVersion: string
  noSession: string
  otherCollection: string
  apiKey: string
  apiClient: string
  allowedOrigin: string
  cookie: (token: string) => string
}

let fx: Fixtures
let parity: ReturnType<typeof leanParity>

const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}, secret = app.payload.secret) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', authVersion: JWT_AUTH_VERSION, ...header })
    .sign(new TextEncoder().encode(secret))

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())

beforeAll(async () => {
  const { payload } = app
  const tenant = String((await createTenant(payload)).id)
  const person = async (roles: ('member' | 'owner')[] = ['member'], inTenant = true): Promise<Person> => {
    const { user } = await createPerson(payload, { tenant: inTenant ? tenant : undefined, roles })
    const { token } = await signIn(app, String(user.email))
    return { id: String(user.id), email: String(user.email), token }
  }
  const member = await person()
  const secondSession = (await signIn(app, member.email)).token
  const owner = await person(['owner'])
  const loggedOut = await person()
  expect((await app.http({ token: loggedOut.token }).post('/api/users/logout', {})).status).toBe(200)
  const locked = await person()
  await payload.update({
    collection: 'users',
    id: locked.id,
    data: { lockUntil: new Date(Date.now() + 3_600_000).toISOString(), loginAttempts: 9 } as never,
  })
  const suspended = await person()
  await payload.update({ collection: 'users', id: suspended.id, data: { status: 'suspended' } })
  const trashed = await person()
  await payload.update({ collection: 'users', id: trashed.id, data: { deletedAt: new Date().toISOString() } })
  const removed = await person(['member'], false) // memberships keep their person: none to keep
  await payload.delete({ collection: 'users', id: removed.id })

  const claims = claimsOf(member.token)
  const [head, body, signature] = member.token.split('.')
  const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`
  const apiKey = `lean-parity-${crypto.randomUUID()}`
  const apiClient = await payload.create({
    collection: 'api-clients',
    data: { tenant, name: 'Parity', roles: ['front_desk'], enableAPIKey: true, apiKey } as never,
  })
  fx = {
    tenant,
    member,
    secondSession,
    loggedOut,
    locked,
    suspended,
    trashed,
    removed,
    expired: await sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }),
    tampered: `${head}.${body}.${flipped}`,
    otherUsersClaims: `${head}.${Buffer.from(JSON.stringify({ ...claims, id: owner.id })).toString('base64url')}.${signature}`,
    wrongAuthVersion: await sign(claims, { authVersion: JWT_AUTH_VERSION + 1 }),
    noSession: await sign({ ...claims, sid: undefined }),
    otherCollection: await sign({ ...claims, collection: 'api-clients' }),
    apiKey,
    apiClient: String(apiClient.id),
    allowedOrigin: payload.config.csrf[0]!,
    cookie: (token) => `${payload.config.cookiePrefix}-token=${token}`,
  }
  parity = leanParity(app)
})

const json = { 'content-type': 'application/json' }
const jwt = (token: string) => ({ authorization: `JWT ${token}` })
const probe = (headers: Record<string, string> = {}, body = '{"hello":"lean"}') => ({
  method: 'POST',
  path: `/api/users/${fx.member.id}/lean-probe`,
  headers: { ...json, ...headers },
  body,
})
/** The person the probe saw. */
const user = (answer: ParityAnswer) => (answer.body as { user: { id: string; collection: string } | null }).user

/** The row's request, signed in as whoever `as` names. */
const signedIn = (as: (f: Fixtures) => Record<string, string>) => (f: Fixtures) => probe(as(f))
const sees =
  (who: ((f: Fixtures) => string) | null, collection = 'users') =>
  (answer: ParityAnswer, f: Fixtures) => {
    if (who === null) return expect(user(answer)).toBeNull()
    expect(user(answer)).toMatchObject({ id: who(f), collection })
  }

const rows: ParityRow<Fixtures>[] = [
  // Session tokens
  {
    name: 'valid token (JWT header)',
    request: signedIn((f) => jwt(f.member.token)),
    expect: { status: 200, lean: true },
    check: sees((f) => f.member.id),
  },
  {
    name: 'valid token (Bearer header)',
    request: signedIn((f) => ({ authorization: `Bearer ${f.member.token}` })),
    expect: { status: 200, lean: true },
    check: sees((f) => f.member.id),
  },
  {
    name: 'second session of the same person',
    request: signedIn((f) => jwt(f.secondSession)),
    expect: { status: 200, lean: true },
    check: sees((f) => f.member.id),
  },
  {
    name: 'expired token',
    request: signedIn((f) => jwt(f.expired)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'tampered token (bad signature)',
    request: signedIn((f) => jwt(f.tampered)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: "tampered token (another person's id under the original signature)",
    request: signedIn((f) => jwt(f.otherUsersClaims)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'token of another auth version',
    request: signedIn((f) => jwt(f.wrongAuthVersion)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'token without a session id',
    request: signedIn((f) => jwt(f.noSession)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'token claiming a collection without local login',
    request: signedIn((f) => jwt(f.otherCollection)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'token of a logged-out session',
    request: signedIn((f) => jwt(f.loggedOut.token)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'garbage token',
    request: signedIn(() => jwt('not-a-token')),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  // People
  {
    name: 'locked user (login lockout does not end sessions)',
    request: signedIn((f) => jwt(f.locked.token)),
    expect: { status: 200, lean: true },
    check: sees((f) => f.locked.id),
  },
  {
    name: 'suspended user',
    request: signedIn((f) => jwt(f.suspended.token)),
    expect: { status: 200, lean: true },
    check: sees((f) => f.suspended.id),
  },
  {
    name: 'user in the trash',
    request: signedIn((f) => jwt(f.trashed.token)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'deleted user',
    request: signedIn((f) => jwt(f.removed.token)),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  // API keys
  {
    name: 'API key',
    request: signedIn((f) => ({ authorization: `api-clients API-Key ${f.apiKey}` })),
    expect: { status: 200, lean: false },
    check: sees((f) => f.apiClient, 'api-clients'),
  },
  {
    name: 'unknown API key',
    request: signedIn(() => ({ authorization: 'api-clients API-Key not-a-key' })),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  // The cookie and its CSRF rule
  {
    name: 'cookie from an allowed Origin',
    request: signedIn((f) => ({ cookie: f.cookie(f.member.token), origin: f.allowedOrigin })),
    expect: { status: 200, lean: true },
    check: sees((f) => f.member.id),
  },
  {
    name: 'cookie from a foreign Origin',
    request: signedIn((f) => ({ cookie: f.cookie(f.member.token), origin: 'https://evil.example' })),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'cookie without Origin, same-origin fetch',
    request: signedIn((f) => ({ cookie: f.cookie(f.member.token), 'sec-fetch-site': 'same-origin' })),
    expect: { status: 200, lean: true },
    check: sees((f) => f.member.id),
  },
  {
    name: 'cookie without Origin, cross-site fetch',
    request: signedIn((f) => ({ cookie: f.cookie(f.member.token), 'sec-fetch-site': 'cross-site' })),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'cookie without Origin nor Sec-Fetch-Site',
    request: signedIn((f) => ({ cookie: f.cookie(f.member.token) })),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'two token cookies: the last one counts',
    request: signedIn((f) => ({
      cookie: `${f.cookie(f.member.token)}; ${f.cookie('garbage')}`,
      'sec-fetch-site': 'same-origin',
    })),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'a bad JWT header is not rescued by a good cookie',
    request: signedIn((f) => ({ ...jwt('garbage'), cookie: f.cookie(f.member.token), origin: f.allowedOrigin })),
    expect: { status: 200, lean: false },
    check: sees(null),
  },
  {
    name: 'anonymous',
    request: signedIn(() => ({})),
    expect: { status: 200, lean: true },
    check: sees(null),
  },
  // Routes, methods and bodies
  {
    name: 'root lean endpoint with a query string',
    request: (f) => ({ method: 'GET', path: '/api/lean-probe?tenant=a&n=1', headers: jwt(f.member.token) }),
    expect: { status: 200, lean: true },
    check: sees((f) => f.member.id),
  },
  {
    name: 'query string with brackets and repeated names',
    request: () => ({ method: 'GET', path: '/api/lean-probe?where[tenant][equals]=a&n=1&n=2&depth=2&locale=de' }),
    expect: { status: 200, lean: true },
  },
  {
    name: 'unknown route under a lean collection',
    request: (f) => ({ ...probe(jwt(f.member.token)), path: `/api/users/${f.member.id}/lean-probes` }),
    expect: { status: 404, lean: false },
  },
  {
    name: 'unknown route under a lean root endpoint',
    request: (f) => ({ method: 'GET', path: '/api/lean-probe/more', headers: jwt(f.member.token) }),
    expect: { status: 404, lean: false },
  },
  {
    name: 'wrong method (GET of a POST endpoint)',
    request: (f) => ({ ...probe(jwt(f.member.token)), method: 'GET', body: undefined }),
    expect: { status: 404, lean: false },
  },
  {
    name: 'wrong method (DELETE)',
    request: (f) => ({ ...probe(jwt(f.member.token)), method: 'DELETE' }),
    expect: { status: 404, lean: false },
  },
  {
    name: 'method the route does not export (PUT)',
    request: (f) => ({ ...probe(jwt(f.member.token)), method: 'PUT' }),
    expect: { status: 405, lean: false },
  },
  {
    name: 'HEAD of a GET lean endpoint',
    request: () => ({ method: 'HEAD', path: '/api/lean-probe' }),
    expect: { status: 404, lean: false },
  },
  {
    name: 'POST overridden to GET',
    request: (f) => ({
      ...probe(jwt(f.member.token)),
      headers: { ...jwt(f.member.token), 'x-http-method-override': 'GET' },
    }),
    expect: { status: 404, lean: false },
  },
  {
    name: 'bad JSON body',
    request: (f) => probe(jwt(f.member.token), '{"hello":'),
    expect: { status: 400, lean: true },
  },
  {
    name: 'empty body',
    request: (f) => probe(jwt(f.member.token), ''),
    expect: { status: 200, lean: true },
  },
  {
    name: 'JSON body sent as text/plain',
    request: (f) => probe({ ...jwt(f.member.token), 'content-type': 'text/plain' }),
    expect: { status: 200, lean: true },
  },
  {
    name: 'route param percent-encoded',
    request: (f) => ({ ...probe(jwt(f.member.token)), path: '/api/users/a%2Fb%20c/lean-probe' }),
    expect: { status: 200, lean: true },
    check: (answer) => expect((answer.body as { routeParams: unknown }).routeParams).toMatchObject({ id: 'a/b c' }),
  },
  {
    name: 'Accept-Language',
    request: (f) => probe({ ...jwt(f.member.token), 'accept-language': 'de-DE,de;q=0.9' }),
    expect: { status: 200, lean: true },
  },
  {
    name: 'OPTIONS preflight',
    request: (f) => ({ ...probe({ origin: f.allowedOrigin }), method: 'OPTIONS', body: undefined }),
    expect: { status: 200, lean: false },
  },
]

describe('lean path parity with Payload', () => {
  it.each(rows)('$name', (row) => parity.expectParity(row, fx))
})
