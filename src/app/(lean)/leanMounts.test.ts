import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import config from '@payload-config'
import { describe, expect, it } from 'vitest'
import { isLeanEndpoint } from '@/core/http/lean'

// How the lean path is hooked into Next: Payload's generated `api/[...slug]` route stays as Payload
// writes it (with body limits around the handlers that take a body), and a route segment per lean
// prefix under `src/app/(lean)/api` (static segments win over the catch-all) serves the lean
// endpoints. These checks keep the two in step, and every API route behind a body limit.

const app = path.resolve(import.meta.dirname, '..')
const generated = readFileSync(path.join(app, '(payload)/api/[...slug]/route.ts'), 'utf8')
const exportsOf = (source: string) => [...source.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]).sort()

type Mount = { file: string; mount: string; catchAll: boolean; source: string }
const mounts: Mount[] = (readdirSync(path.join(app, '(lean)/api'), { recursive: true }) as string[])
  .filter((file) => path.basename(file) === 'route.ts')
  .map((file) => {
    const segments = path.dirname(file).split(path.sep)
    const catchAll = segments.at(-1) === '[...slug]'
    return {
      file: `src/app/(lean)/api/${file}`,
      mount: `/${(catchAll ? segments.slice(0, -1) : segments).join('/')}`,
      catchAll,
      source: readFileSync(path.join(app, '(lean)/api', file), 'utf8'),
    }
  })

describe('lean mounts in the Next app', () => {
  it('leave the generated /api route as Payload generates it, its body-taking handlers behind limitBody', () => {
    expect(generated).not.toMatch(/lean/i)
    const names = exportsOf(generated)
    expect(names).toEqual(expect.arrayContaining(['GET', 'POST', 'DELETE', 'PATCH', 'OPTIONS']))
    for (const name of names)
      expect(generated).toContain(
        ['POST', 'PATCH', 'DELETE'].includes(name)
          ? `export const ${name} = limitBody(REST_${name}(config))`
          : `export const ${name} = REST_${name}(config)`,
      )
    const graphql = readFileSync(path.join(app, '(payload)/api/graphql/route.ts'), 'utf8')
    expect(graphql).toContain('export const POST = limitBody(GRAPHQL_POST(config))')
  })

  it('each mount serves its own folder, with the methods of the generated route', () => {
    expect(mounts.length).toBeGreaterThan(0)
    for (const { file, mount, source } of mounts) {
      expect(source, file).toContain(`limitBodies(leanRoute(config, '${mount}'))`)
      expect(exportsOf(source), file).toEqual(exportsOf(generated))
    }
  })

  it('every lean endpoint of the app has a mount', async () => {
    const sanitized = await config
    const api = sanitized.routes.api
    const lean = [
      ...sanitized.collections.flatMap(({ slug, endpoints }) =>
        (endpoints || []).filter(isLeanEndpoint).map((endpoint) => `/${slug}${endpoint.path}`),
      ),
      ...(sanitized.endpoints ?? []).filter(isLeanEndpoint).map((endpoint) => endpoint.path),
    ]
    for (const endpoint of lean) {
      const covered = mounts.some(({ mount, catchAll }) =>
        catchAll ? endpoint.startsWith(`${mount}/`) : endpoint === mount,
      )
      const [, prefix, ...rest] = endpoint.split('/')
      const file = `src/app/(lean)/api/${prefix}/${rest.length ? '[...slug]/' : ''}route.ts`
      expect(covered, `${api}${endpoint} is lean but no route serves it: add ${file} (a copy of another mount)`).toBe(
        true,
      )
    }
  })
})
