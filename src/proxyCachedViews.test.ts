import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { blogListPath, blogPageOf, blogRedirect, parseBlogPath } from './app/(site)/blogView'
import { proxy } from './proxy'

const TOPIC = '0b3f5c1e-8a51-4c1a-9d6e-1f2a3b4c5d6e'
const AUTHOR = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'

/** What the proxy answers a request: a redirect (status and Location), a rewrite (its path and query), or nothing. */
const answer = (url: string, host: string, method = 'GET') => {
  const response = proxy(new NextRequest(url, { headers: { host }, method }))
  const location = response.headers.get('location')
  if (location) return { status: response.status, location: location.replace(/^https?:\/\/[^/]+/, '') }
  const rewrite = response.headers.get('x-middleware-rewrite')
  if (rewrite) {
    const target = new URL(rewrite)
    return { rewrite: `${target.pathname}${target.search}` }
  }
  return null
}

describe('blog list views in the path', () => {
  it('writes and reads the path form', () => {
    expect(blogListPath({ page: 1 })).toBe('/blog')
    expect(blogListPath({ page: 3 })).toBe('/blog/page/3')
    expect(blogListPath({ topic: TOPIC, page: 1 })).toBe(`/blog/topic/${TOPIC}`)
    expect(blogListPath({ author: AUTHOR, page: 2 })).toBe(`/blog/author/${AUTHOR}/page/2`)
    expect(parseBlogPath(`/blog/topic/${TOPIC}/page/4`)).toEqual({ topic: TOPIC, page: 4, pageSegment: true })
    expect(parseBlogPath('/blog/some-post')).toBeNull() // a post, not a list
    expect(parseBlogPath('/blog/topic/not-an-id')).toBeNull()
    expect(parseBlogPath('/blog/page/two')).toBeNull()
    expect(parseBlogPath('/blog/rss.xml')).toBeNull()
    expect([blogPageOf('2'), blogPageOf('1'), blogPageOf('0'), blogPageOf('x'), blogPageOf('123456')]).toEqual([
      2,
      null,
      null,
      null,
      null,
    ])
  })

  it('maps the query form onto the path, keeping other parameters', () => {
    const q = (s: string) => new URLSearchParams(s)
    expect(blogRedirect('/blog', q('page=2'))).toEqual({ path: '/blog/page/2', search: '' })
    expect(blogRedirect('/blog', q(`topic=${TOPIC}&page=3&utm_source=gbp`))).toEqual({
      path: `/blog/topic/${TOPIC}/page/3`,
      search: 'utm_source=gbp',
    })
    expect(blogRedirect('/blog', q(`category=${TOPIC.toUpperCase()}`))).toEqual({
      path: `/blog/topic/${TOPIC}`,
      search: '',
    })
    expect(blogRedirect(`/blog/topic/${TOPIC}/page/2`, q('topic='))).toEqual({ path: '/blog', search: '' }) // "All topics"
    expect(blogRedirect('/blog', q('page=abc'))).toEqual({ path: '/blog', search: '' })
    expect(blogRedirect(`/blog/author/${AUTHOR}`, q('page=2'))).toEqual({
      path: `/blog/author/${AUTHOR}/page/2`,
      search: '',
    })
    expect(blogRedirect('/blog/page/1', q(''))).toEqual({ path: '/blog', search: '' })
    expect(blogRedirect('/blog/page/2', q('utm_source=x'))).toBeNull() // already the path form
    expect(blogRedirect('/blog/a-post', q('page=2'))).toBeNull()
    expect(blogRedirect('/schedule', q('page=2'))).toBeNull()
  })
})

describe('proxy: blog lists', () => {
  it('redirects the query form with 308 on a tenant’s own domain, on <slug>.<ROOT_DOMAIN> and on the platform host', () => {
    expect(answer(`http://studio.example.com/blog?topic=${TOPIC}&page=2`, 'studio.example.com')).toEqual({
      status: 308,
      location: `/blog/topic/${TOPIC}/page/2`,
    })
    expect(answer('http://sunrise.localhost:3000/blog?page=2', 'sunrise.localhost:3000')).toEqual({
      status: 308,
      location: '/blog/page/2',
    })
    expect(answer('http://localhost:3000/sunrise/blog?page=2&utm_medium=x', 'localhost:3000')).toEqual({
      status: 308,
      location: '/sunrise/blog/page/2?utm_medium=x',
    })
    expect(answer('http://localhost:3000/sunrise/blog/page/1', 'localhost:3000')).toEqual({
      status: 308,
      location: '/sunrise/blog',
    })
    expect(answer(`http://localhost:3000/sunrise/blog/author/${AUTHOR}?page=3`, 'localhost:3000')).toEqual({
      status: 308,
      location: `/sunrise/blog/author/${AUTHOR}/page/3`,
    })
  })

  it('serves the path form from the site’s cached route, other query parameters dropped', () => {
    expect(answer('http://studio.example.com/blog/page/2?utm_source=gbp', 'studio.example.com')).toEqual({
      rewrite: '/studio.example.com/blog/page/2',
    })
    expect(answer(`http://sunrise.localhost:3000/blog/topic/${TOPIC}`, 'sunrise.localhost:3000')).toEqual({
      rewrite: `/sunrise.localhost/blog/topic/${TOPIC}`,
    })
    expect(answer('http://localhost:3000/sunrise/blog?utm_source=x', 'localhost:3000')).toEqual({
      rewrite: '/sunrise/blog',
    })
  })

  it('leaves posts, the feed and non-GET requests alone', () => {
    expect(answer('http://localhost:3000/sunrise/blog/warm-rooms?page=2', 'localhost:3000')).toBeNull()
    expect(answer('http://localhost:3000/sunrise/blog/rss.xml', 'localhost:3000')).toBeNull()
    expect(answer('http://studio.example.com/blog/warm-rooms', 'studio.example.com')).toEqual({
      rewrite: '/studio.example.com/blog/warm-rooms',
    })
    expect(answer('http://localhost:3000/sunrise/blog?page=2', 'localhost:3000', 'POST')).toBeNull()
  })
})

describe('proxy: the pricing page’s offer view', () => {
  const OFFER = '5d0c1b2a-3e4f-4a5b-9c6d-7e8f9a0b1c2d'

  it('serves /pricing?offer=<id> (the Google Business post’s link) from its own cached view', () => {
    expect(answer(`http://studio.example.com/pricing?offer=${OFFER}&utm_source=gbp`, 'studio.example.com')).toEqual({
      rewrite: `/studio.example.com/pricing/offer/${OFFER}`,
    })
    expect(
      answer(`http://localhost:3000/sunrise/pricing?offer=${OFFER}&error=coupon_exhausted`, 'localhost:3000'),
    ).toEqual({
      rewrite: `/sunrise/pricing/offer/${OFFER}/error/coupon_exhausted`,
    })
    // Anything but an id is dropped: the plain pricing page, shared by everyone.
    expect(answer('http://localhost:3000/sunrise/pricing?offer=SUMMER', 'localhost:3000')).toEqual({
      rewrite: '/sunrise/pricing',
    })
  })
})
