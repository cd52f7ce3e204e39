import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'

/** One stored HubSpot object. */
export type FakeObject = { id: string; properties: Record<string, string>; createdAt: string; updatedAt: string }

/** One request the fake received (for the tests' counts and rate windows). */
export type FakeCall = {
  at: number
  method: string
  path: string
  inputs: number
  status: number
  token: string | null
}

type Forced = { status: number; headers?: Record<string, string>; body?: unknown }

/** A property definition as the properties API holds it. */
export type FakeProperty = {
  name: string
  label: string
  type: string
  fieldType: string
  groupName: string
  hasUniqueValue: boolean
}

/** HubSpot's own unique property: `email` on contacts. */
const BUILT_IN_UNIQUE: Record<string, string[]> = { contacts: ['email'] }

/** The custom properties Atrium's sync uses (present from the start unless `customProperties: false`). */
const ATRIUM_PROPERTIES: [string, string, boolean][] = [
  ['contacts', 'atrium_member_id', true],
  ['contacts', 'atrium_lead_id', false],
  ['contacts', 'atrium_member_status', false],
  ['deals', 'atrium_deal_id', true],
  ['line_items', 'atrium_line_item_id', true],
  ['meetings', 'atrium_meeting_id', true],
]

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString()))
  })

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))

const error = (status: number, category: string, message: string) => ({
  status: 'error',
  message,
  correlationId: '00000000-0000-0000-0000-000000000000',
  category,
})

/**
 * A local HubSpot speaking the CRM v3/v4 endpoints the sync calls through `@hubspot/api-client`:
 * `POST /crm/v3/objects/{contacts|deals|line_items|meetings}/batch/upsert` (≤ 100 inputs, matched
 * on `idProperty`; unique `email` on contacts: an upsert that would duplicate one is refused as a
 * whole with 409, as HubSpot does), `…/batch/read` (207 with errors for missing objects) and
 * `POST /crm/v4/associations/{from}/{to}/batch/associate/default`. It enforces a rolling burst
 * limit (`burstLimit` per `windowMs`: 429 `TEN_SECONDLY_ROLLING` with Retry-After), can be told to
 * answer the next requests with a given status (`failNext`), and logs every request (`calls`).
 */
export const startFakeHubspot = async ({
  port = 0,
  burstLimit = 190,
  windowMs = 10_000,
  accessToken,
  customProperties = true,
}: {
  port?: number
  burstLimit?: number
  windowMs?: number
  accessToken?: string
  /** Whether the portal starts with Atrium's custom properties (false: the sync must create them). */
  customProperties?: boolean
} = {}) => {
  const objects: Record<string, Map<string, FakeObject>> = {}
  // ---- custom properties and archive ----
  const definitions: Record<string, Map<string, FakeProperty>> = {}
  const defined = (type: string) => (definitions[type] ??= new Map())
  if (customProperties)
    for (const [type, name, unique] of ATRIUM_PROPERTIES)
      defined(type).set(name, {
        name,
        label: name,
        type: 'string',
        fieldType: 'text',
        groupName: 'atrium',
        hasUniqueValue: unique,
      })
  const uniqueOf = (type: string) => [
    ...(BUILT_IN_UNIQUE[type] ?? []),
    ...[...defined(type).values()].filter((p) => p.hasUniqueValue).map((p) => p.name),
  ]
  const archived: { type: string; id: string; properties: Record<string, string> }[] = []
  // ---- /custom properties and archive ----
  const associations: { from: string; fromId: string; to: string; toId: string }[] = []
  const calls: FakeCall[] = []
  const forced: Forced[] = []
  let sequence = 1000
  const store = (type: string) => (objects[type] ??= new Map())
  const findBy = (type: string, property: string, value: string) => {
    if (property === 'hs_object_id') return store(type).get(value)
    const v = property === 'email' ? value.toLowerCase() : value
    for (const o of store(type).values())
      if ((property === 'email' ? (o.properties[property] ?? '').toLowerCase() : o.properties[property]) === v) return o
    return undefined
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await read(req)
    const path = (req.url ?? '').split('?')[0]
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || null
    let body: { inputs?: unknown[]; idProperty?: string; properties?: string[] } = {}
    try {
      body = raw ? JSON.parse(raw) : {}
    } catch {
      // answered below
    }
    const inputs = Array.isArray(body.inputs) ? body.inputs : []
    const call: FakeCall = { at: Date.now(), method: req.method ?? '', path, inputs: inputs.length, status: 0, token }
    calls.push(call)
    const answer = (status: number, payload: unknown, headers?: Record<string, string>) => {
      call.status = status
      send(res, status, payload, headers)
    }
    if (accessToken && token !== accessToken)
      return answer(401, error(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.'))
    const recent = calls.filter((c) => c.at > call.at - windowMs && c.status !== 429).length
    if (recent > burstLimit)
      return answer(
        429,
        {
          ...error(429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.'),
          policyName: 'TEN_SECONDLY_ROLLING',
        },
        { 'retry-after': '1' },
      )
    const next = forced.shift()
    if (next)
      return answer(next.status, next.body ?? error(next.status, 'FORCED', `Forced ${next.status}`), next.headers)
    // ---- custom properties and archive ----
    const propertyPath = /^\/crm\/v3\/properties\/([a-z_]+)(?:\/([A-Za-z0-9_]+))?$/.exec(path)
    if (propertyPath) {
      const [, type, name] = propertyPath
      if (req.method === 'GET' && name) {
        const found = defined(type).get(name)
        return found
          ? answer(200, { ...found, description: '', options: [] })
          : answer(404, error(404, 'OBJECT_NOT_FOUND', `Unable to find property ${name} on ${type}.`))
      }
      if (req.method === 'POST' && !name) {
        let input: Record<string, unknown> = {}
        try {
          input = raw ? JSON.parse(raw) : {}
        } catch {
          // refused below
        }
        const text = (key: string) => {
          const value = input[key]
          return typeof value === 'string' ? value : ''
        }
        const property: FakeProperty = {
          name: text('name'),
          label: text('label'),
          type: text('type'),
          fieldType: text('fieldType'),
          groupName: text('groupName'),
          hasUniqueValue: input.hasUniqueValue === true,
        }
        if (!property.name || !property.label || !property.type || !property.fieldType || !property.groupName)
          return answer(400, error(400, 'VALIDATION_ERROR', 'name, label, type, fieldType and groupName are required.'))
        if (defined(type).has(property.name))
          return answer(409, error(409, 'CONFLICT', `Property named '${property.name}' already exists.`))
        defined(type).set(property.name, property)
        return answer(201, { ...property, description: '', options: [] })
      }
    }
    // ---- /custom properties and archive ----
    if (req.method !== 'POST') return answer(404, error(404, 'OBJECT_NOT_FOUND', 'Not found'))

    const now = new Date().toISOString()
    const upsert = /^\/crm\/v3\/objects\/([a-z_]+)\/batch\/upsert$/.exec(path)
    if (upsert) {
      const type = upsert[1]
      if (inputs.length === 0 || inputs.length > 100)
        return answer(400, error(400, 'VALIDATION_ERROR', 'Batch inputs must hold 1 to 100 objects.'))
      const typed = inputs as { id: string; idProperty?: string; properties?: Record<string, string> }[]
      // All or nothing, like HubSpot: check every input before writing any.
      const planned: { target: FakeObject | undefined; input: (typeof typed)[number]; idProperty: string }[] = []
      const claimed = new Map<string, number>()
      for (const [index, input] of typed.entries()) {
        const idProperty = input.idProperty ?? 'hs_object_id'
        if (idProperty !== 'hs_object_id' && !uniqueOf(type).includes(idProperty))
          return answer(400, error(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property of ${type}.`))
        const target = findBy(type, idProperty, input.id)
        const properties = { ...input.properties, ...(idProperty === 'hs_object_id' ? {} : { [idProperty]: input.id }) }
        // Atrium's own properties must exist in the portal (HubSpot refuses unknown properties).
        const unknown = Object.keys(properties).find((name) => name.startsWith('atrium_') && !defined(type).has(name))
        if (unknown)
          return answer(
            400,
            error(400, 'VALIDATION_ERROR', `Property "${unknown}" does not exist (PROPERTY_DOESNT_EXIST).`),
          )
        for (const unique of uniqueOf(type)) {
          const value = properties[unique]
          if (!value) continue
          const other = findBy(type, unique, value)
          if (other && other !== target)
            return answer(
              409,
              error(409, 'CONFLICT', `An object with ${unique} ${value} already exists (${other.id}).`),
            )
          const key = `${unique}:${unique === 'email' ? value.toLowerCase() : value}`
          const earlier = claimed.get(key)
          if (earlier !== undefined && earlier !== index && planned[earlier]?.input.id !== input.id)
            return answer(409, error(409, 'CONFLICT', `Two inputs of the batch have ${unique} ${value}.`))
          claimed.set(key, index)
        }
        planned.push({ target, input: { ...input, properties }, idProperty })
      }
      const results = planned.map(({ target, input }) => {
        const created = !target
        const object = target ?? { id: String(++sequence), properties: {}, createdAt: now, updatedAt: now }
        object.properties = { ...object.properties, ...input.properties, hs_object_id: object.id }
        object.updatedAt = now
        store(type).set(object.id, object)
        return {
          id: object.id,
          properties: object.properties,
          createdAt: object.createdAt,
          updatedAt: object.updatedAt,
          archived: false,
          new: created,
        }
      })
      return answer(200, { status: 'COMPLETE', results, startedAt: now, completedAt: now })
    }
    // ---- custom properties and archive ----
    const batchArchive = /^\/crm\/v3\/objects\/([a-z_]+)\/batch\/archive$/.exec(path)
    if (batchArchive) {
      const type = batchArchive[1]
      // Archiving is idempotent (an unknown or already archived id is no error), 204 No Content.
      for (const input of inputs as { id: string }[]) {
        const object = store(type).get(input.id)
        if (!object) continue
        store(type).delete(input.id)
        archived.push({ type, id: object.id, properties: object.properties })
      }
      call.status = 204
      res.writeHead(204).end()
      return
    }
    // ---- /custom properties and archive ----
    const batchRead = /^\/crm\/v3\/objects\/([a-z_]+)\/batch\/read$/.exec(path)
    if (batchRead) {
      const type = batchRead[1]
      const idProperty = body.idProperty ?? 'hs_object_id'
      const found: FakeObject[] = []
      const missing: string[] = []
      for (const input of inputs as { id: string }[]) {
        const object = findBy(type, idProperty, input.id)
        if (object) found.push(object)
        else missing.push(input.id)
      }
      const results = found.map((o) => ({
        id: o.id,
        properties: o.properties,
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
        archived: false,
      }))
      if (missing.length === 0) return answer(200, { status: 'COMPLETE', results, startedAt: now, completedAt: now })
      return answer(207, {
        status: 'COMPLETE',
        results,
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some objects.',
            context: { ids: missing },
          },
        ],
        startedAt: now,
        completedAt: now,
      })
    }
    const associate = /^\/crm\/v4\/associations\/([a-z_]+)\/([a-z_]+)\/batch\/associate\/default$/.exec(path)
    if (associate) {
      const [, from, to] = associate
      const typed = inputs as { from: { id: string }; to: { id: string } }[]
      for (const input of typed) {
        if (!store(from).has(input.from.id) || !store(to).has(input.to.id))
          return answer(400, error(400, 'VALIDATION_ERROR', `No ${from} ${input.from.id} or ${to} ${input.to.id}.`))
      }
      const results = typed.map((input) => {
        associations.push({ from, fromId: input.from.id, to, toId: input.to.id })
        return {
          from: { id: input.from.id },
          to: { id: input.to.id },
          associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 },
        }
      })
      return answer(200, { status: 'COMPLETE', results, startedAt: now, completedAt: now })
    }
    return answer(404, error(404, 'OBJECT_NOT_FOUND', `No route ${path}`))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, error(500, 'INTERNAL', String(e))))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject) // e.g. the port is taken
    server.listen(port, '127.0.0.1', resolve)
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    calls,
    associations,
    /** Objects archived through `batch/archive`. */
    archived,
    /** The property definitions of an object type (custom ones created through the properties API included). */
    properties: (type: string) => [...defined(type).values()],
    /** The stored objects of a type. */
    objects: (type: string) => [...store(type).values()],
    /** The object of a type whose `property` is `value`. */
    find: (type: string, property: string, value: string) => findBy(type, property, value),
    /** Answers the next `count` requests with `status` (and headers, e.g. `{ 'retry-after': '1' }`). */
    failNext: (count: number, status: number, headers?: Record<string, string>, body?: unknown) => {
      for (let i = 0; i < count; i++) forced.push({ status, headers, body })
    },
    /** Deletes an object (as if removed in HubSpot). */
    remove: (type: string, id: string) => store(type).delete(id),
    /** Most requests any rolling window of `ms` held (429s excluded). */
    maxInWindow: (ms = windowMs, path?: RegExp) => {
      const times = calls
        .filter((c) => c.status !== 429 && (!path || path.test(c.path)))
        .map((c) => c.at)
        .sort((a, b) => a - b)
      let most = 0
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i] - times[j] >= ms) j++
        most = Math.max(most, i - j + 1)
      }
      return most
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type FakeHubspot = Awaited<ReturnType<typeof startFakeHubspot>>

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 4020)
  void startFakeHubspot({ port }).then(({ url }) => console.log(`Fake HubSpot CRM API on ${url}`))
}
