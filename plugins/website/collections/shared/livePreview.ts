import type { LivePreviewConfig, PayloadRequest } from 'payload'
import { getEnv, idOf } from '@/core'
import { PREVIEW_BREAKPOINTS, previewPath, type PreviewCollection } from '../../contract'

/** The site preview route's URL for a saved document of a tenant; null before it is saved (no preview). */
export const livePreviewUrl = async (
  req: PayloadRequest,
  collection: PreviewCollection,
  data: { id?: unknown; tenant?: unknown },
): Promise<string | null> => {
  const base = req.payload.config.serverURL || getEnv().SERVER_URL
  const tenantId = idOf(data.tenant)
  if (!tenantId || !data.id) return null
  const tenant = await req.payload.findByID({
    collection: 'tenants',
    id: tenantId,
    depth: 0,
    select: { slug: true },
    disableErrors: true,
    req,
  })
  return tenant?.slug ? `${base}${previewPath(tenant.slug, collection, String(data.id))}` : null
}

/**
 * Payload's live preview of a blog post or page: the tenant site's preview route
 * (`/<tenant slug>/preview?collection=…&id=…`), which checks the staff session and the tenant,
 * turns on Next's draft mode and shows the draft through the real site page. At 390 px and desktop.
 */
export const livePreviewOf = (collection: PreviewCollection): LivePreviewConfig => ({
  breakpoints: [...PREVIEW_BREAKPOINTS],
  url: ({ data, req }) => livePreviewUrl(req, collection, data),
})
