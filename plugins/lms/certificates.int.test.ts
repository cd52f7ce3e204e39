import { sql } from '@payloadcms/db-postgres'
import type { Plugin } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql, subscribe } from '@/core'
import { createPerson, signIn, twoTenants, useTestApp } from '@/core/testing'
import { tinyPng } from '@/core/testing/fixtureData'

/** Counts course.completed deliveries besides the certificate subscriber. */
const probe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.courseCompleted', event: 'course.completed', handler: async () => {} })

const app = useTestApp({ plugins: [probe()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let media: string

const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)
const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`

const runJobs = async () => {
  for (let i = 0; i < 8; i++) {
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND task_slug = 'deliverEvent'`,
    )
    if (n === 0) return
    await app.payload.jobs.run({ limit: 200 })
  }
}

/** A published free course of tenant A with `n` video lessons. */
const course = async (n: number) => {
  const c = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: A, title: 'Pottery basics', slug: slug() },
  })
  const courseModule = await app.payload.create({
    collection: 'course-modules',
    data: { tenant: A, course: c.id, title: 'M1' },
  })
  const lessons: string[] = []
  for (let i = 0; i < n; i++) {
    const item = await app.payload.create({
      collection: 'content-items',
      data: {
        tenant: A,
        title: `Item ${i}`,
        slug: slug(),
        contentType: 'video',
        media,
        visibility: 'private',
        _status: 'published',
      },
    })
    const lesson = await app.payload.create({
      collection: 'lessons',
      data: {
        tenant: A,
        module: courseModule.id,
        title: `L${i}`,
        itemType: 'video',
        content: item.id,
        unlock: { mode: 'none' },
      },
    })
    lessons.push(String(lesson.id))
  }
  await app.payload.update({ collection: 'courses', id: c.id, data: { _status: 'published' } })
  return { id: String(c.id), lessons }
}

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  const png = await tinyPng()
  media = String(
    (
      await app.payload.create({
        collection: 'media',
        data: { tenant: A, alt: 'lesson media', visibility: 'private' },
        file: { data: png, mimetype: 'image/png', name: `m-${slug()}.png`, size: png.length },
      })
    ).id,
  )
})

describe('certificates', () => {
  it('20 concurrent completions of the last lessons emit one course.completed and issue one certificate, verifiable publicly, PDF for the owner only', async () => {
    const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
    await app.payload.update({
      collection: 'tenant-memberships',
      id: membership!.id,
      data: { profile: { displayName: 'Ada L.' } },
    })
    const m = (await signIn(app, user.email)).client
    const c = await course(20)
    expect((await m.post(`/api/courses/${c.id}/enrol`, {})).status).toBe(201)
    const results = await Promise.all(c.lessons.map((l) => m.post(`/api/lessons/${l}/complete`, {})))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE input->'event'->>'type' = 'course.completed' AND input->'event'->'data'->>'course' = ${c.id}
          AND input->>'subscriber' NOT LIKE 'marketing.%'`,
    )
    expect(n).toBe(2) // one event, delivered to two subscribers (the certificate and the probe)
    await runJobs()
    // a repeated delivery changes nothing (ON CONFLICT)
    const certs = await q<{ id: string; code: string }>(
      sql`SELECT id, code FROM certificates WHERE course_id = ${c.id}`,
    )
    expect(certs).toHaveLength(1)
    const { id, code } = certs[0]
    expect(code).toMatch(/^[A-F0-9]{20}$/)

    const verify = await cast.anonymous.client.get(`/api/certificates/${code}/verify`)
    expect(verify.status).toBe(200)
    expect(verify.body).toEqual({
      code,
      memberName: 'Ada L.',
      course: 'Pottery basics',
      tenant: cast.a.name,
      issuedAt: expect.any(String),
    })
    expect((await cast.anonymous.client.get(`/api/certificates/${'0'.repeat(20)}/verify`)).status).toBe(404)

    const pdf = await fetch(`${app.baseUrl}/api/certificates/${id}/pdf`, {
      headers: { authorization: `JWT ${(await signIn(app, user.email)).token}` },
    })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1')
    expect(bytes.startsWith('%PDF-1.4')).toBe(true)
    expect(bytes).toContain('Ada L.')
    expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true)

    const other = await createPerson(app.payload, { tenant: A, roles: ['member'] })
    const otherClient = (await signIn(app, other.user.email)).client
    expect((await otherClient.get(`/api/certificates/${id}/pdf`)).status).toBe(404)
    expect((await cast.anonymous.client.get(`/api/certificates/${id}/pdf`)).status).toBe(401)
  })
})
