import { draftMode, headers } from 'next/headers'
import type { Payload } from 'payload'
import { hasCollection, isPlatformAdmin, STAFF_ROLES, tenantsWithRole } from '@/core'
import { PREVIEW_COLLECTIONS, previewTarget, type PreviewCollection } from '@plugins/website/contract'
import { payloadInstance, type Site } from './site'

/** Staff of the site's tenant (or a platform admin) signed in with these request headers: who may preview. */
export const staffOfSite = async (payload: Payload, site: Site, requestHeaders: Headers): Promise<boolean> => {
  const { user } = await payload.auth({ headers: requestHeaders })
  if (!user) return false
  return isPlatformAdmin(user) || tenantsWithRole(user, STAFF_ROLES).includes(site.tenant.id)
}

/**
 * Whether this request previews drafts: Next's draft mode is on (set by the preview route) AND the
 * request is signed in as staff of this tenant. Checked on every render, so a draft-mode cookie
 * alone (another tenant's staff, a signed-out browser) never shows a draft. Cheap when off:
 * headers are read only in draft mode, so cached pages stay cached.
 */
export const previewViewer = async (site: Site): Promise<boolean> => {
  if (!(await draftMode()).isEnabled) return false
  return staffOfSite(await payloadInstance(), site, new Headers(await headers()))
}

export type PreviewCheck = { ok: true; path: string } | { ok: false; status: 400 | 401 | 403 | 404; message: string }

/**
 * The preview route's decision: the document (`collection`, `id`) must be a page or blog post of
 * THIS tenant and the caller staff of it; then the site path that shows it (relative to the base).
 */
export const checkPreview = async (
  site: Site,
  requestHeaders: Headers,
  query: URLSearchParams,
): Promise<PreviewCheck> => {
  const collection = query.get('collection') ?? ''
  const id = query.get('id') ?? ''
  if (!(PREVIEW_COLLECTIONS as readonly string[]).includes(collection) || !/^[0-9a-f-]{36}$/i.test(id))
    return { ok: false, status: 400, message: 'collection must be pages or blog-posts and id a document id' }
  const payload = await payloadInstance()
  if (!hasCollection(payload, collection)) return { ok: false, status: 404, message: 'Nothing to preview here.' }
  const { user } = await payload.auth({ headers: requestHeaders })
  if (!user) return { ok: false, status: 401, message: 'Sign in to the admin to preview drafts.' }
  if (!(await staffOfSite(payload, site, requestHeaders)))
    return { ok: false, status: 403, message: 'Only staff of this business can preview its drafts.' }
  const { docs } = await payload.find({
    collection: collection as PreviewCollection,
    where: { and: [{ id: { equals: id } }, { tenant: { equals: site.tenant.id } }] },
    draft: true,
    limit: 1,
    depth: 0,
    // Read as the signed-in staff member: their access decides, beside the tenant filter above.
    overrideAccess: false,
    user,
    select: { slug: true },
  })
  const doc = docs[0]
  if (!doc) return { ok: false, status: 404, message: 'No such document of this business.' }
  return { ok: true, path: previewTarget(collection as PreviewCollection, doc.slug) }
}
