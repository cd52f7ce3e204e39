import type { CollectionSlug, Field, Payload } from 'payload'
import sharp from 'sharp'
import { tenantScopes } from '../tenancy/tenantScoped'

export type FixtureContext = { tenant: string; member: string; user: string }

let tiny: Buffer | undefined
/** A 2×2 PNG made with sharp, for upload collections. */
export const tinyPng = async () =>
  (tiny ??= await sharp({ create: { width: 2, height: 2, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer())

const sample = async (
  payload: Payload,
  field: Field,
  ctx: FixtureContext,
  make: (slug: string) => Promise<string>,
): Promise<unknown> => {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return 'hasMany' in field && field.hasMany ? ['grid'] : `grid ${Math.random().toString(36).slice(2, 8)}`
    case 'email':
      return `grid-${Math.random().toString(36).slice(2, 8)}@example.test`
    case 'number':
      return field.hasMany ? [field.min ?? 1] : (field.min ?? 1)
    case 'checkbox':
      return true
    case 'date':
      return new Date().toISOString()
    case 'json':
      return { grid: true }
    case 'select': {
      const first = field.options[0]
      const value = typeof first === 'string' ? first : first.value
      return field.hasMany ? [value] : value
    }
    case 'relationship':
    case 'upload': {
      const target = Array.isArray(field.relationTo) ? field.relationTo[0] : field.relationTo
      const id =
        target === 'tenants'
          ? ctx.tenant
          : target === 'users'
            ? ctx.user
            : target === 'tenant-memberships'
              ? ctx.member
              : await make(target)
      const value = Array.isArray(field.relationTo) ? { relationTo: target, value: id } : id
      return field.hasMany ? [value] : value
    }
    case 'group':
      return fill(payload, field.fields, ctx, make, true)
    case 'array':
      return field.minRows ? [await fill(payload, field.fields, ctx, make, true)] : []
    default:
      return undefined
  }
}

const fill = async (
  payload: Payload,
  fields: Field[],
  ctx: FixtureContext,
  make: (slug: string) => Promise<string>,
  requiredOnly = true,
): Promise<Record<string, unknown>> => {
  const data: Record<string, unknown> = {}
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible')
      Object.assign(data, await fill(payload, field.fields, ctx, make, requiredOnly))
    else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const nested = await fill(payload, tab.fields, ctx, make, requiredOnly)
        if ('name' in tab && tab.name) data[tab.name] = nested
        else Object.assign(data, nested)
      }
    } else if (
      'name' in field &&
      field.name !== 'tenant' &&
      !('virtual' in field && field.virtual) &&
      !('hidden' in field && field.hidden)
    ) {
      const required =
        'required' in field && field.required && (!('defaultValue' in field) || field.defaultValue === undefined)
      const groupWithRequired = field.type === 'group'
      if (required || groupWithRequired) {
        const value = await sample(payload, field, ctx, make)
        if (value !== undefined) data[field.name] = value
      }
    }
  }
  return data
}

/**
 * Makes one valid document of a tenant-scoped collection in `ctx.tenant` from its field
 * definitions (required fields, related documents made in the same tenant), overlaid with the
 * collection's `isolationFixture`. Returns its id.
 */
export const makeFixture = async (
  payload: Payload,
  slug: string,
  ctx: FixtureContext,
  made = new Map<string, string>(),
): Promise<string> => {
  const key = `${ctx.tenant}:${slug}`
  const cached = made.get(key)
  if (cached) return cached
  const scope = tenantScopes(payload.config).find((s) => s.slug === slug)
  const collection = payload.collections[slug as CollectionSlug]?.config
  if (!collection) throw new Error(`Unknown collection ${slug}`)
  if (scope?.isGlobal) {
    const existing = await payload.find({
      collection: slug as CollectionSlug,
      where: { tenant: { equals: ctx.tenant } } as never,
      limit: 1,
      depth: 0,
    })
    if (existing.docs[0]) {
      made.set(key, String(existing.docs[0].id))
      return String(existing.docs[0].id)
    }
  }
  const make = (target: string) => makeFixture(payload, target, ctx, made)
  const data = {
    ...(await fill(payload, collection.fields, ctx, make)),
    ...((await scope?.isolationFixture?.({ ...ctx, payload })) ?? {}),
    tenant: ctx.tenant,
  }
  const file = collection.upload
    ? {
        data: await tinyPng(),
        mimetype: 'image/png',
        name: `grid-${Math.random().toString(36).slice(2, 8)}.png`,
        size: (await tinyPng()).length,
      }
    : undefined
  const doc = await payload.create({ collection: slug as CollectionSlug, data: data as never, file, depth: 0 })
  made.set(key, String(doc.id))
  return String(doc.id)
}

/** The fixture data (without creating) used to attempt cross-tenant creates. */
export const fixtureDataFor = async (
  payload: Payload,
  slug: string,
  ctx: FixtureContext,
  made: Map<string, string>,
) => {
  const collection = payload.collections[slug as CollectionSlug].config
  const scope = tenantScopes(payload.config).find((s) => s.slug === slug)
  const make = (target: string) => makeFixture(payload, target, ctx, made)
  return {
    ...(await fill(payload, collection.fields, ctx, make)),
    ...((await scope?.isolationFixture?.({ ...ctx, payload })) ?? {}),
    tenant: ctx.tenant,
  }
}
