import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * A site page that declares `revalidate` is meant to be served from Next's cache. Under a dynamic
 * segment (`[slug]`, `[[...view]]`) Next renders it on every request unless the segment's page or
 * a layout at or below that segment exports `generateStaticParams` (an empty list: each path is
 * rendered on its first visit, then cached). Forgetting it fails silently (`private, no-store`).
 */
const siteDir = path.join(import.meta.dirname)

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  )

const exports = (file: string, name: string) =>
  new RegExp(`export (const|async function|function) ${name}\\b`).test(readFileSync(file, 'utf8'))

const cachedPages = files(siteDir).filter(
  (file) => path.basename(file) === 'page.tsx' && exports(file, 'revalidate') && !exports(file, 'dynamic'),
)

describe('cached site pages', () => {
  it('finds the cached pages', () => {
    expect(cachedPages.length).toBeGreaterThan(5)
  })

  it('serves the blog lists from the cache: every view of a list is a route of its own (filters in the path)', () => {
    const relative = cachedPages.map((file) => path.relative(siteDir, file).split(path.sep).join('/'))
    for (const route of [
      '[tenant]/blog/page.tsx',
      '[tenant]/blog/page/[n]/page.tsx',
      '[tenant]/blog/topic/[topic]/page.tsx',
      '[tenant]/blog/topic/[topic]/page/[n]/page.tsx',
      '[tenant]/blog/author/[id]/page.tsx',
      '[tenant]/blog/author/[id]/page/[n]/page.tsx',
      '[tenant]/blog/[slug]/page.tsx',
      '[tenant]/pricing/[[...view]]/page.tsx',
    ])
      expect(relative, route).toContain(route)
  })

  it.each(cachedPages.map((file) => [path.relative(siteDir, file)]))(
    '%s has generateStaticParams for each dynamic segment',
    (relative) => {
      const segments = path.dirname(relative).split(path.sep)
      segments.forEach((segment, i) => {
        if (!segment.startsWith('[')) return
        // The segment's own layout, a layout below it, or the page itself supplies the params.
        const candidates = [path.join(siteDir, relative)]
        for (let j = i; j < segments.length; j++)
          candidates.push(path.join(siteDir, ...segments.slice(0, j + 1), 'layout.tsx'))
        const supplied = candidates.some((file) => {
          try {
            return exports(file, 'generateStaticParams')
          } catch {
            return false
          }
        })
        expect(supplied, `${segment} in ${relative}`).toBe(true)
      })
    },
  )
})
