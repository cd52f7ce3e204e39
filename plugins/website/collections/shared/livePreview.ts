import type { LivePreviewConfig } from 'payload'
import { getEnv, idOf } from '@/core'
import { PREVIEW_BREAKPOINTS, previewPath, type PreviewCollection } from '../../contract'

/**
 * Payload's live preview of a blog post or page: the tenant site's preview route
 * (`/<tenant slug>/preview?collection=…&id=…`), which checks the staff session and the tenant,
 * turns on Next's draft mode and shows the draft through the real site page. At 390 px and desktop.
 */
export const livePreviewOf = (collection: PreviewCollection): LivePreviewConfig => ({
  breakpoints: [...PREVIEW_BREAKPOINTS],
  url: async ({ data, req }) => {
    const base = req.payload.config.serverURL || getEnv().SERVER_URL
    const tenantId = idOf((data as { tenant?: unknown }).tenant)
    const id = (data as { id?: unknown }).id
    if (!tenantId || !id) return null // not saved yet: no preview
    const tenant = await req.payload.findByID({
      collection: 'tenants',
      id: tenantId,
      depth: 0,
      select: { slug: true },
      disableErrors: true,
      req,
    })
    return tenant?.slug ? `${base}${previewPath(tenant.slug, collection, String(id))}` : null
  },
})
