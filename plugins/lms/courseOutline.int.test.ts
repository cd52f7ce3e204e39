import type { RequiredDataFromCollectionSlug } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPerson, signIn, twoTenants, useTestApp } from '@/core/testing'
import type { CourseOutlineReply } from './contract'

const app = useTestApp()
let A: string
let B: string

const body = {
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: [
      {
        type: 'paragraph',
        version: 1,
        children: [{ type: 'text', text: 'Read me.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
}

const slug = () => `o-${Math.random().toString(36).slice(2, 10)}`

/** A published linear course of `tenant`: two modules, a preview lesson, a text lesson, a drip lesson and a prerequisite. */
const course = async (tenant: string, data: Record<string, unknown> = {}) => {
  const c = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant, title: 'Outline course', slug: slug(), navigation: 'linear', ...data },
  })
  const first = await app.payload.create({
    collection: 'course-modules',
    data: { tenant, course: c.id, title: 'First' },
  })
  const second = await app.payload.create({
    collection: 'course-modules',
    data: { tenant, course: c.id, title: 'Second' },
  })
  const lesson = async (
    module: string,
    title: string,
    extra: { isPreview?: boolean; unlock?: { mode: 'after_days'; days: number } } = {},
  ) => {
    const item = await app.payload.create({
      collection: 'content-items',
      data: { tenant, title, slug: slug(), contentType: 'written', body, visibility: 'private', _status: 'published' },
    })
    const data: RequiredDataFromCollectionSlug<'lessons'> = {
      tenant,
      module,
      title,
      itemType: 'text',
      content: item.id,
      isPreview: extra.isPreview ?? false,
      unlock: extra.unlock ?? { mode: 'none' },
    }
    return String((await app.payload.create({ collection: 'lessons', data })).id)
  }
  const intro = await lesson(first.id, 'Intro', { isPreview: true })
  const basics = await lesson(first.id, 'Basics')
  const later = await lesson(second.id, 'Later', { unlock: { mode: 'after_days', days: 2 } })
  await app.payload.update({ collection: 'courses', id: c.id, data: { _status: 'published' } })
  return { id: String(c.id), intro, basics, later, modules: [String(first.id), String(second.id)] }
}

beforeAll(async () => {
  const cast = await twoTenants(app)
  A = String(cast.a.id)
  B = String(cast.b.id)
})

describe('GET /api/courses/:id/outline', () => {
  it('gives a visitor the syllabus by module with the preview open and the rest asking to sign in', async () => {
    const c = await course(A)
    const res = await app.http().get<CourseOutlineReply>(`/api/courses/${c.id}/outline`)
    expect(res.status).toBe(200)
    expect(res.body.modules.map((m) => m.title)).toEqual(['First', 'Second'])
    expect(res.body.modules[0].lessons.map((l) => [l.title, l.access.reason])).toEqual([
      ['Intro', 'preview'],
      ['Basics', 'sign_in'],
    ])
    expect(res.body.access).toMatchObject({ allowed: true, reason: 'free' })
    expect(res.body.enrollment).toBeNull()
    expect(res.body.next).toBe(c.intro)
  })

  it('tells an enrolled member what each lesson waits for, and moves next and progress as lessons complete', async () => {
    const c = await course(A)
    const { user } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
    const { client } = await signIn(app, user.email)
    const before = await client.get<CourseOutlineReply>(`/api/courses/${c.id}/outline`)
    expect(before.body.modules[0].lessons[1].access.reason).toBe('not_enrolled')
    await client.post(`/api/courses/${c.id}/enrol`, {})
    const enrolled = (await client.get<CourseOutlineReply>(`/api/courses/${c.id}/outline`)).body
    expect(enrolled.enrollment).toMatchObject({ status: 'active', progressPct: 0 })
    const [intro, basics] = enrolled.modules[0].lessons
    expect(intro.access.allowed).toBe(true)
    expect(basics.access.reason).toBe('locked:linear')
    expect(basics.after).toEqual({ id: c.intro, title: 'Intro' })
    expect(enrolled.next).toBe(c.intro)

    await client.post(`/api/lessons/${c.intro}/complete`, {})
    await client.post(`/api/lessons/${c.basics}/complete`, {})
    const done = (await client.get<CourseOutlineReply>(`/api/courses/${c.id}/outline`)).body
    expect(done.modules[0].lessons.every((l) => l.completed)).toBe(true)
    expect(done.enrollment?.progressPct).toBe(66)
    const later = done.modules[1].lessons[0]
    expect(later.access.reason).toBe('locked:after_days')
    expect(later.access.unlocksAt).toBeTruthy()
    expect(done.next).toBeNull()
  })

  it("refuses a draft course with 404 and shows another tenant's member no open lesson", async () => {
    const draft = await app.payload.create({
      collection: 'courses',
      draft: true,
      data: { tenant: A, title: 'Draft', slug: slug(), _status: 'draft' },
    })
    expect((await app.http().get(`/api/courses/${draft.id}/outline`)).status).toBe(404)
    const c = await course(A)
    const { user } = await createPerson(app.payload, { tenant: B, roles: ['member'] })
    const { client } = await signIn(app, user.email)
    const res = await client.get<CourseOutlineReply>(`/api/courses/${c.id}/outline`)
    expect(res.status).toBe(200)
    expect(res.body.access.reason).toBe('other_tenant')
    expect(res.body.modules.flatMap((m) => m.lessons).filter((l) => l.access.allowed && !l.isPreview)).toEqual([])
  })
})
