import { absoluteUrl, escapeXml, XML_HEAD } from '../sitemap/xml'

export type RssItem = {
  title: string
  /** Path under the site's origin, e.g. `/blog/<slug>`. */
  path: string
  description?: string | null
  publishedAt?: string | Date | null
  author?: string | null
  category?: string | null
}

export type RssChannel = {
  title: string
  description: string
  /** Canonical origin of the site (no trailing slash): every link is absolute on it. */
  origin: string
  /** The blog's path (`/blog`) and the feed's own path (`/blog/rss.xml`). */
  blogPath: string
  feedPath: string
  items: readonly RssItem[]
  language?: string
}

/** RFC 822 date (`Sun, 06 Dec 2026 20:46:47 GMT`), as RSS 2.0 requires; null when missing or invalid. */
export const rfc822 = (value: string | Date | null | undefined): string | null => {
  if (!value) return null
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? null : date.toUTCString()
}

const element = (name: string, text: string | null | undefined) =>
  text == null || text === '' ? '' : `<${name}>${escapeXml(text)}</${name}>`

/**
 * An RSS 2.0 feed: channel title, link and description, an `atom:link rel="self"`, and one item per
 * post with its absolute link as a permalink guid, RFC 822 `pubDate`, `dc:creator` and `category`.
 * All text is XML-escaped (characters XML forbids dropped), URLs percent-encoded.
 */
export const blogRssXml = (channel: RssChannel): string => {
  const link = absoluteUrl(channel.origin, channel.blogPath)
  const items = channel.items.map((item) => {
    const url = absoluteUrl(channel.origin, item.path)
    return [
      '<item>',
      element('title', item.title),
      element('link', url),
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      element('description', item.description),
      element('pubDate', rfc822(item.publishedAt)),
      element('dc:creator', item.author),
      element('category', item.category),
      '</item>',
    ].join('')
  })
  const newest = channel.items.map((item) => rfc822(item.publishedAt)).find(Boolean)
  return (
    XML_HEAD +
    [
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      '<channel>',
      element('title', channel.title),
      element('link', link),
      element('description', channel.description),
      element('language', channel.language ?? 'en'),
      `<atom:link href="${escapeXml(absoluteUrl(channel.origin, channel.feedPath))}" rel="self" type="application/rss+xml"/>`,
      element('lastBuildDate', newest ?? null),
      ...items,
      '</channel>',
      '</rss>\n',
    ].join('\n')
  )
}
