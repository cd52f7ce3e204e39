import type { CollectionSlug, Payload } from 'payload'
import { formatNames } from 'payload'
import { tenantScopes, type TenantScope } from '../tenancy/tenantScoped'
import { twoTenants, type Actor } from './factories'
import type { TestApp } from './startTestPayload'
import { fixtureDataFor, makeFixture, type FixtureContext } from './fixtureData'

export type GridCell = {
  collection: string
  actor: string
  api: 'rest' | 'graphql' | 'local'
  op: string
  ok: boolean
  detail: string
}

type Target = { scope: TenantScope; idB: string; idA: string }

const ok2xx = (status: number) => status >= 200 && status < 300

/**
 * Collections that carry a `tenant` field: each must be tenant-scoped (and so covered by the grid)
 * or explicitly platform-wide with an optional tenant (`custom.platformScoped`).
 */
export const uncoveredTenantCollections = (payload: Payload): string[] => {
  const scoped = new Set(tenantScopes(payload.config).map((s) => s.slug))
  return payload.config.collections
    .filter((c) => c.fields.some((f) => 'name' in f && f.name === 'tenant'))
    .filter((c) => !scoped.has(c.slug) && !c.custom?.platformScoped)
    .map((c) => c.slug)
}

const graphQLNames = (slug: string) => {
  const names = formatNames(slug)
  const plural = names.singular === names.plural ? `all${names.singular}` : names.plural
  return { singular: names.singular, plural }
}

/**
 * The tenant-isolation grid: for every tenant-scoped collection, documents of tenant B are
 * attacked by anonymous visitors and by every kind of person of tenant A through REST, GraphQL
 * and the Local API (`overrideAccess: false`). Returns one cell per attempt; `ok` is false for a leak.
 */
export const runIsolationGrid = async ({
  payload,
  attackers,
  defenders,
  ctxA,
  ctxB,
  localUser,
  only,
}: {
  payload: Payload
  /** Restrict to these collections (the grid's own self-test). */
  only?: string[]
  attackers: Actor[]
  /** People who must be able to read B's documents (positive control). */
  defenders: Actor[]
  ctxA: FixtureContext
  ctxB: FixtureContext
  localUser: (actor: Actor) => Promise<Record<string, unknown> | undefined>
}): Promise<GridCell[]> => {
  const cells: GridCell[] = []
  const madeA = new Map<string, string>()
  const madeB = new Map<string, string>()
  const targets: Target[] = []
  for (const scope of tenantScopes(payload.config).filter((s) => !only || only.includes(s.slug))) {
    targets.push({
      scope,
      idB: await makeFixture(payload, scope.slug, ctxB, madeB),
      idA: await makeFixture(payload, scope.slug, ctxA, madeA),
    })
  }
  const rowOf = async (slug: string, id: string) =>
    (await payload.db.findOne<{ id: string } & Record<string, unknown>>({
      collection: slug as CollectionSlug,
      where: { id: { equals: id } },
      req: {} as never,
    })) ?? null
  const countB = async (slug: string) =>
    (
      await payload.db.count({
        collection: slug as CollectionSlug,
        where: { tenant: { equals: ctxB.tenant } },
        req: {} as never,
      })
    ).totalDocs

  for (const { scope, idB, idA } of targets) {
    const slug = scope.slug
    const names = graphQLNames(slug)
    const record = (actor: Actor, api: GridCell['api'], op: string, ok: boolean, detail: string) =>
      cells.push({ collection: slug, actor: actor.label, api, op, ok, detail })

    for (const actor of attackers) {
      const readable = scope.publicRead === true
      // --- reads
      const list = await actor.client.get(`/api/${slug}?limit=200&depth=0`)
      const listed = (list.body?.docs ?? []).some((d: { id: string }) => d.id === idB)
      record(actor, 'rest', 'find', readable || !listed, `status ${list.status}, B listed: ${listed}`)
      const one = await actor.client.get(`/api/${slug}/${idB}?depth=0`)
      record(actor, 'rest', 'findByID', readable || !ok2xx(one.status), `status ${one.status}`)

      const gList = await actor.client.graphql(`{ ${names.plural}(limit: 200) { docs { id } } }`)
      const gListed = (gList.body?.data?.[names.plural]?.docs ?? []).some((d: { id: string }) => d?.id === idB)
      record(actor, 'graphql', 'find', readable || !gListed, `B listed: ${gListed}`)
      const gOne = await actor.client.graphql(`query($id: String!) { ${names.singular}(id: $id) { id } }`, { id: idB })
      const gFound = gOne.body?.data?.[names.singular]?.id === idB
      record(actor, 'graphql', 'findByID', readable || !gFound, `found: ${gFound}`)

      const user = await localUser(actor)
      const lList = await payload
        .find({ collection: slug as CollectionSlug, overrideAccess: false, user: user as never, limit: 200, depth: 0 })
        .catch(() => ({ docs: [] }))
      const lListed = lList.docs.some((d) => String(d.id) === idB)
      record(actor, 'local', 'find', readable || !lListed, `B listed: ${lListed}`)
      const lOne = await payload
        .findByID({ collection: slug as CollectionSlug, id: idB, overrideAccess: false, user: user as never, depth: 0 })
        .catch(() => null)
      record(actor, 'local', 'findByID', readable || !lOne, `found: ${Boolean(lOne)}`)

      // --- writes into B: create, update, delete; each must fail and change nothing
      const before = await countB(slug)
      const data = await fixtureDataFor(payload, slug, ctxB, madeB)
      const created = await actor.client.post(`/api/${slug}`, data)
      const gCreated = await actor.client.graphql(
        `mutation($data: mutation${names.singular}Input!) { create${names.singular}(data: $data) { id } }`,
        { data },
      )
      const lCreated = await payload
        .create({
          collection: slug as CollectionSlug,
          data: data as never,
          overrideAccess: false,
          user: user as never,
          depth: 0,
        })
        .then(
          () => true,
          () => false,
        )
      const after = await countB(slug)
      record(actor, 'rest', 'create', !ok2xx(created.status), `status ${created.status}`)
      record(
        actor,
        'graphql',
        'create',
        !gCreated.body?.data?.[`create${names.singular}`]?.id,
        JSON.stringify(gCreated.body?.errors?.[0]?.message ?? 'created'),
      )
      record(actor, 'local', 'create', !lCreated, `created: ${lCreated}`)
      record(actor, 'rest', 'create:rows', after === before, `B rows ${before} → ${after}`)

      const rowBefore = await rowOf(slug, idB)
      const updated = await actor.client.patch(`/api/${slug}/${idB}`, { tenant: ctxA.tenant })
      const gUpdated = await actor.client.graphql(
        `mutation($id: String!) { update${names.singular}(id: $id, data: {}) { id } }`,
        { id: idB },
      )
      const lUpdated = await payload
        .update({
          collection: slug as CollectionSlug,
          id: idB,
          data: { tenant: ctxA.tenant } as never,
          overrideAccess: false,
          user: user as never,
        })
        .then(
          () => true,
          () => false,
        )
      const rowAfter = await rowOf(slug, idB)
      record(actor, 'rest', 'update', !ok2xx(updated.status), `status ${updated.status}`)
      record(actor, 'graphql', 'update', !gUpdated.body?.data?.[`update${names.singular}`]?.id, 'update attempt')
      record(actor, 'local', 'update', !lUpdated, `updated: ${lUpdated}`)
      record(
        actor,
        'rest',
        'update:row',
        String(rowAfter?.updatedAt) === String(rowBefore?.updatedAt) && String(rowAfter?.tenant) === ctxB.tenant,
        'row unchanged',
      )

      // Each API attacks its own victim, so one leak cannot hide another.
      const victim = () =>
        makeFixture(payload, slug, ctxB, new Map([...madeB].filter(([key]) => !key.endsWith(`:${slug}`))))
      const deleteAttempts: [GridCell['api'], (id: string) => Promise<boolean>][] = [
        ['rest', async (id) => ok2xx((await actor.client.delete(`/api/${slug}/${id}`)).status)],
        [
          'graphql',
          async (id) =>
            Boolean(
              (await actor.client.graphql(`mutation($id: String!) { delete${names.singular}(id: $id) { id } }`, { id }))
                .body?.data?.[`delete${names.singular}`]?.id,
            ),
        ],
        [
          'local',
          (id) =>
            payload.delete({ collection: slug as CollectionSlug, id, overrideAccess: false, user: user as never }).then(
              () => true,
              () => false,
            ),
        ],
      ]
      for (const [api, attempt] of deleteAttempts) {
        const id = scope.isGlobal ? idB : await victim()
        const claimed = await attempt(id)
        const still = await rowOf(slug, id)
        const intact = Boolean(still) && !still?.deletedAt
        record(actor, api, 'delete', !claimed && intact, `claimed: ${claimed}, row intact: ${intact}`)
        if (!intact && scope.isGlobal) break
        if (intact && id !== idB)
          await payload.db.deleteOne({
            collection: slug as CollectionSlug,
            where: { id: { equals: id } },
            req: {} as never,
          })
      }
    }

    // A's own staff cannot move their document into B.
    const moverA = attackers.find((a) => a.label.startsWith('owner of A'))
    if (moverA) {
      await moverA.client.patch(`/api/${slug}/${idA}`, { tenant: ctxB.tenant })
      const row = await rowOf(slug, idA)
      cells.push({
        collection: slug,
        actor: moverA.label,
        api: 'rest',
        op: 'move-to-B',
        ok: String(row?.tenant) === ctxA.tenant,
        detail: `tenant now ${String(row?.tenant)}`,
      })
    }

    // Positive control: B's owner and the platform admin do see the document.
    for (const actor of defenders) {
      const one = await actor.client.get(`/api/${slug}/${idB}?depth=0`)
      cells.push({
        collection: slug,
        actor: actor.label,
        api: 'rest',
        op: 'findByID (allowed)',
        ok: one.status === 200,
        detail: `status ${one.status}`,
      })
    }
  }
  return cells
}

/** Runs the grid on an app with a fresh cast of two tenants (A attacks B). */
export const isolationGridFor = async (target: TestApp, only?: string[]) => {
  const people = await twoTenants(target)
  const users = new Map<string, Record<string, unknown>>()
  const localUser = async (actor: Actor) => {
    if (!actor.userId) return undefined
    if (!users.has(actor.userId)) {
      const doc = await target.payload.findByID({ collection: 'users', id: actor.userId, depth: 0 })
      users.set(actor.userId, { ...doc, collection: 'users' })
    }
    return users.get(actor.userId)
  }
  const ctx = (tenant: string, member: Actor) => ({ tenant, member: member.membershipId!, user: member.userId! })
  const result = await runIsolationGrid({
    payload: target.payload,
    attackers: [people.anonymous, people.inA.member, people.inA.instructor, people.inA.frontDesk, people.inA.owner],
    defenders: [people.inB.owner, people.platformAdmin],
    ctxA: ctx(String(people.a.id), people.inA.member),
    ctxB: ctx(String(people.b.id), people.inB.member),
    localUser,
    only,
  })
  return { people, result }
}
