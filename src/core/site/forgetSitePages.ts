import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { siteChanged } from './siteChanged'
import type { SitePart } from './siteTag'

/**
 * An afterChange / afterDelete hook for a tenant-scoped collection the public site shows: a saved
 * or deleted document invalidates its tenant's cached pages of `part` (none: every page).
 */
export const forgetSitePages =
  (part?: SitePart): CollectionAfterChangeHook & CollectionAfterDeleteHook =>
  ({ doc, previousDoc }: { doc?: { tenant?: unknown }; previousDoc?: { tenant?: unknown } }) => {
    siteChanged(doc?.tenant, part)
    if (previousDoc) siteChanged(previousDoc.tenant, part) // moved to another tenant (Next drops repeats)
    return doc
  }
