import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { config, proxy } from './proxy'

/** Where the proxy sends a GET (the rewrite's path), or null when it lets the request through. */
const routed = (url: string, host: string) => {
  const response = proxy(new NextRequest(url, { headers: { host } }))
  const rewrite = response.headers.get('x-middleware-rewrite')
  return rewrite ? new URL(rewrite).pathname : null
}

describe('proxy: robots.txt and sitemaps reach the tenant’s site on its host', () => {
  it('rewrites them on a tenant’s own domain and on <slug>.<ROOT_DOMAIN>', () => {
    expect(routed('http://studio.example.com/robots.txt', 'studio.example.com')).toBe('/studio.example.com/robots.txt')
    expect(routed('http://studio.example.com/sitemap.xml', 'studio.example.com')).toBe(
      '/studio.example.com/sitemap.xml',
    )
    expect(routed('http://studio.example.com/sitemaps/2.xml', 'studio.example.com')).toBe(
      '/studio.example.com/sitemaps/2.xml',
    )
    expect(routed('http://sunrise.localhost:3000/robots.txt', 'sunrise.localhost:3000')).toBe(
      '/sunrise.localhost/robots.txt',
    )
  })

  it('leaves the platform host’s /robots.txt to public/ and the path form to the site', () => {
    expect(routed('http://localhost:3000/robots.txt', 'localhost:3000')).toBeNull()
    expect(routed('http://localhost:3000/sitemap.xml', 'localhost:3000')).toBeNull()
    expect(routed('http://localhost:3000/sunrise/robots.txt', 'localhost:3000')).toBeNull()
    expect(routed('http://localhost:3000/sunrise/sitemaps/1.xml', 'localhost:3000')).toBeNull()
  })

  it('the matcher runs the proxy for robots.txt and sitemaps (never for the API, admin or Next assets)', () => {
    const runs = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path))
    for (const path of ['/robots.txt', '/sitemap.xml', '/sitemaps/1.xml', '/sunrise/robots.txt'])
      expect(runs(path)).toBe(true)
    for (const path of ['/api/website/sitemap', '/admin', '/_next/static/x.js']) expect(runs(path)).toBe(false)
  })
})
