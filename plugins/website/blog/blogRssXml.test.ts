import { describe, expect, it } from 'vitest'
import { assertWellFormedXml } from '../sitemap/wellFormedXml'
import { blogRssXml, rfc822 } from './blogRssXml'

describe('blogRssXml', () => {
  const xml = blogRssXml({
    title: 'Birdie & Co blog',
    description: 'Swing <tips>',
    origin: 'https://golf.example',
    blogPath: '/blog',
    feedPath: '/blog/rss.xml',
    items: [
      {
        title: 'Tom & Jerry\'s "big" <swing>',
        path: '/blog/tom-and-jerry',
        description: 'A < B \u0001 & C',
        publishedAt: '2026-12-06T20:46:47.123Z',
        author: 'Ana Ñúñez',
        category: 'Winter golf',
      },
      { title: 'No date', path: '/blog/no date' },
    ],
  })

  it('is well-formed RSS 2.0 with escaped text and absolute links', () => {
    assertWellFormedXml(xml)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true)
    expect(xml).toContain('<title>Birdie &amp; Co blog</title>')
    expect(xml).toContain('<description>Swing &lt;tips&gt;</description>')
    expect(xml).toContain('<link>https://golf.example/blog</link>')
    expect(xml).toContain('<atom:link href="https://golf.example/blog/rss.xml" rel="self" type="application/rss+xml"/>')
    expect(xml).toContain('<title>Tom &amp; Jerry&apos;s &quot;big&quot; &lt;swing&gt;</title>')
    expect(xml).toContain('<guid isPermaLink="true">https://golf.example/blog/tom-and-jerry</guid>')
    expect(xml).toContain('<description>A &lt; B  &amp; C</description>') // the control character is dropped
    expect(xml).toContain('<pubDate>Sun, 06 Dec 2026 20:46:47 GMT</pubDate>')
    expect(xml).toContain('<lastBuildDate>Sun, 06 Dec 2026 20:46:47 GMT</lastBuildDate>')
    expect(xml).toContain('<dc:creator>Ana Ñúñez</dc:creator>')
    expect(xml).toContain('<link>https://golf.example/blog/no%20date</link>')
  })

  it('writes RFC 822 dates and leaves out missing ones', () => {
    expect(rfc822(new Date(Date.UTC(2027, 0, 2, 3, 4, 5)))).toBe('Sat, 02 Jan 2027 03:04:05 GMT')
    expect(rfc822('not a date')).toBeNull()
    expect(rfc822(null)).toBeNull()
    expect(xml.match(/<pubDate>/g)).toHaveLength(1)
  })
})
