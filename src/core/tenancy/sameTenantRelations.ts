import type { CollectionBeforeChangeHook, CollectionSlug, Config, Field } from 'payload'
import { ValidationError } from 'payload'
import { idOf } from '../access/idOf'

type Ref = { path: string; relationTo: string; id: string }

/** Walks `data` along `fields`, collecting relationship values that point at `scoped` collections. */
const collectRefs = (fields: Field[], data: unknown, scoped: Set<string>, prefix = ''): Ref[] => {
  if (!data || typeof data !== 'object') return []
  const record = data as Record<string, unknown>
  const refs: Ref[] = []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const nested = 'name' in tab && tab.name ? record[tab.name] : record
        const path = 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix
        refs.push(...collectRefs(tab.fields, nested, scoped, path))
      }
      continue
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      refs.push(...collectRefs(field.fields, record, scoped, prefix))
      continue
    }
    if (!('name' in field) || field.name === 'tenant') continue
    const value = record[field.name]
    const path = `${prefix}${field.name}`
    if (field.type === 'group') refs.push(...collectRefs(field.fields, value, scoped, `${path}.`))
    if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, index) => refs.push(...collectRefs(field.fields, row, scoped, `${path}.${index}.`)))
    }
    if ((field.type === 'relationship' || field.type === 'upload') && value != null) {
      const values = Array.isArray(value) ? value : [value]
      for (const item of values) {
        if (Array.isArray(field.relationTo)) {
          const poly = item as { relationTo?: string; value?: unknown }
          const id = idOf(poly?.value)
          if (poly?.relationTo && id && scoped.has(poly.relationTo))
            refs.push({ path, relationTo: poly.relationTo, id })
        } else if (scoped.has(field.relationTo)) {
          const id = idOf(item)
          if (id) refs.push({ path, relationTo: field.relationTo, id })
        }
      }
    }
  }
  return refs
}

/**
 * A tenant's document may only point at documents of the same tenant: ids of another tenant's
 * rows are rejected with a field error, whoever writes them.
 */
export const sameTenantRelations = (config: Config, scopedSlugs: string[]): Config => {
  const scoped = new Set(scopedSlugs)
  for (const collection of config.collections ?? []) {
    if (!scoped.has(collection.slug)) continue
    const hook: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
      const tenant = idOf(data?.tenant ?? originalDoc?.tenant)
      if (!tenant) return data
      const refs = collectRefs(collection.fields, data, scoped)
      const byCollection = new Map<string, Ref[]>()
      for (const ref of refs) byCollection.set(ref.relationTo, [...(byCollection.get(ref.relationTo) ?? []), ref])
      const errors: { message: string; path: string }[] = []
      for (const [slug, list] of byCollection) {
        const ids = [...new Set(list.map((ref) => ref.id))]
        const found = await req.payload.db.find({
          collection: slug as CollectionSlug,
          where: { and: [{ id: { in: ids } }, { tenant: { equals: tenant } }] },
          limit: ids.length,
          pagination: false,
          req,
        })
        const ok = new Set(found.docs.map((doc) => String(doc.id)))
        for (const ref of list) {
          if (!ok.has(ref.id)) errors.push({ path: ref.path, message: `No ${slug} with id ${ref.id} in this tenant.` })
        }
      }
      if (errors.length) throw new ValidationError({ collection: collection.slug, errors }, req.t)
      return data
    }
    collection.hooks = { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), hook] }
  }
  return config
}
