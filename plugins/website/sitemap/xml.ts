const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text for an XML element or attribute; characters XML 1.0 forbids are dropped. */
export const escapeXml = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c])

/** A W3C datetime (UTC, whole seconds) for `<lastmod>`; null for a missing or invalid date. */
export const w3cDate = (value: Date | string | null | undefined): string | null => {
  if (!value) return null
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? null : `${date.toISOString().slice(0, 19)}Z`
}

/** `origin + path`, with anything a URL may not hold raw (spaces, non-ASCII) percent-encoded. */
export const absoluteUrl = (origin: string, path: string): string => {
  const url = `${origin}${path}`
  try {
    return encodeURI(decodeURI(url)) // already-encoded parts stay as they are
  } catch {
    return encodeURI(url) // a stray `%`
  }
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
