/**
 * What a tenant site's cached pages show, by part: the tag a page carries for each part it reads,
 * and the tag `siteChanged` invalidates. `site:tenants` covers which tenant a slug or host names.
 */
export type SitePart = 'schedule' | 'pricing' | 'events' | 'services'

export const SITE_TENANTS_TAG = 'site:tenants'

/** `site:<tenant id>` (name, settings, locations, status) or `site:<tenant id>:<part>`. */
export const siteTag = (tenant: string, part?: SitePart): string => (part ? `site:${tenant}:${part}` : `site:${tenant}`)
