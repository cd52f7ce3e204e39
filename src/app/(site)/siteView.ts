/**
 * The query parameters a cached site page shows, carried in its path so that each view is one
 * cache entry: `src/proxy.ts` rewrites `/<site>/schedule?week=2026-12-07&location=<id>` to
 * `/<site>/schedule/week/2026-12-07/location/<id>` (names in this order, values of this form,
 * anything else dropped) and the page reads them back with `readView`. Links keep the query form.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const CODE = /^[a-z0-9_]{1,48}$/

export const SITE_VIEWS = {
  schedule: { week: DATE, location: UUID, instructor: UUID },
  // `offer`: an advertised offer a Google Business post links to (`/pricing?offer=<id>`).
  pricing: { offer: UUID, error: CODE, checkout: /^(success|canceled)$/, pay: /^desk$/ },
} as const satisfies Record<string, Record<string, RegExp>>

export type ViewPage = keyof typeof SITE_VIEWS

/** `[name, value, …]` for the parameters of `query` that `page` shows, in its order. */
export const viewSegments = (page: ViewPage, query: URLSearchParams): string[] => {
  const segments: string[] = []
  for (const [name, pattern] of Object.entries(SITE_VIEWS[page]) as [string, RegExp][]) {
    const value = query.get(name)?.toLowerCase()
    if (value && pattern.test(value)) segments.push(name, value)
  }
  return segments
}

/** The parameters a page's view segments carry, or null unless they are exactly what `viewSegments` writes. */
export const readView = (page: ViewPage, segments: string[] | undefined): Record<string, string> | null => {
  const patterns = SITE_VIEWS[page] as Record<string, RegExp>
  const names = Object.keys(patterns)
  const list = segments ?? []
  if (list.length % 2 !== 0) return null
  const view: Record<string, string> = {}
  let previous = -1
  for (let i = 0; i < list.length; i += 2) {
    const [name, value] = [list[i], list[i + 1]]
    const index = names.indexOf(name)
    if (index <= previous || !patterns[name].test(value)) return null
    view[name] = value
    previous = index
  }
  return view
}
