import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, signIn, twoTenants, useTestApp } from '@/core/testing'

/**
 * Assignment file uploads over real HTTP (multipart through the app's REST route, real PostgreSQL,
 * files on disk under DATA_DIR): hand-in with files, later uploads, size and type refusals, who may
 * list and download (the member, the tenant's graders; not another member, the front desk, another
 * tenant or a visitor), graded and returned submissions, and the resubmission with new files.
 */
const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string

const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)
const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`

type Member = { id: string; token: string }
const pool: Member[] = []
let turn = 0
const memberOfA = () => pool[turn++ % pool.length]
let outsider: Member

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n' +
    'trailer << /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n',
)
const TEXT = Buffer.from('My notes on the three portraits: light, pose, story. Ça va.\n')
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)])

type Part = { name: string; type: string; data: Buffer }

/** Payload keeps file names unique per collection (a second `notes.txt` is stored as `notes-1.txt`): one run's names. */
const run = Math.random().toString(36).slice(2, 8)
const u = (name: string) => name.replace(/\.(\w+)$/, `-${run}.$1`)

/** A multipart POST (`file` parts, optional `_payload` JSON) as `token`. */
const upload = async (token: string | null, path: string, parts: Part[], json?: Record<string, unknown>) => {
  const form = new FormData()
  if (json) form.append('_payload', JSON.stringify(json))
  for (const part of parts) form.append('file', new Blob([new Uint8Array(part.data)], { type: part.type }), part.name)
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: token ? { authorization: `JWT ${token}` } : {},
    body: form,
  })
  const text = await res.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: res.status, body }
}

const get = async (token: string | null, path: string) => {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: token ? { authorization: `JWT ${token}` } : {} })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

const getJson = async (token: string | null, path: string) => {
  const res = await get(token, path)
  return { status: res.status, body: JSON.parse(res.bytes.toString('utf8') || 'null') }
}

const post = async (token: string, path: string, body: Record<string, unknown>) => {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

const tokenOf = async (actor: { userId?: string }) => {
  const [{ email }] = await q<{ email: string }>(sql`SELECT email FROM users WHERE id = ${actor.userId!}`)
  return (await signIn(app, email)).token
}

/** A published free course of A with one assignment lesson (unlock rule optional), and an enrolled member. */
const enrolled = async (unlock: { mode: 'none' | 'after_days'; days?: number } = { mode: 'none' }) => {
  const assignment = await app.payload.create({
    collection: 'assignments',
    data: { tenant: A, title: 'Shoot three portraits', maxPoints: 10, passingPoints: 6, due: { mode: 'none' } },
  })
  const course = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: A, title: 'C', slug: slug() },
  })
  const mod = await app.payload.create({
    collection: 'course-modules',
    data: { tenant: A, course: course.id, title: 'M' },
  })
  const lesson = await app.payload.create({
    collection: 'lessons',
    data: { tenant: A, module: mod.id, title: 'Hand in', itemType: 'assignment', assignment: assignment.id, unlock },
  })
  await app.payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } })
  const m = memberOfA()
  expect((await post(m.token, `/api/courses/${course.id}/enrol`, {})).status).toBe(201)
  return { m, assignment: String(assignment.id), lesson: String(lesson.id) }
}

const filesOf = async (submission: string) =>
  (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM assignment_files WHERE submission_id = ${submission}`))[0]
    .n

let instructor: string
let frontDesk: string
let owner: string

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  for (let i = 0; i < 4; i++) {
    const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
    pool.push({ id: String(membership!.id), token: (await signIn(app, user.email)).token })
  }
  const { user, membership } = await createPerson(app.payload, { tenant: String(cast.b.id), roles: ['member'] })
  outsider = { id: String(membership!.id), token: (await signIn(app, user.email)).token }
  instructor = await tokenOf(cast.inA.instructor)
  frontDesk = await tokenOf(cast.inA.frontDesk)
  owner = await tokenOf(cast.inA.owner)
})

describe('assignment files: handing in', () => {
  it('hands in a PDF with the answer (multipart), adds a text file later, lists and downloads them', async () => {
    const { m, assignment, lesson } = await enrolled()
    const res = await upload(
      m.token,
      `/api/assignments/${assignment}/submit`,
      [{ name: u('portraits.pdf'), type: 'application/pdf', data: PDF }],
      { body: 'See the PDF' },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ attempt: 1, status: 'submitted', body: 'See the PDF' })
    expect(res.body.files).toHaveLength(1)
    expect(res.body.files[0]).toMatchObject({
      filename: u('portraits.pdf'),
      mimeType: 'application/pdf',
      size: PDF.length,
    })
    const submission = res.body.id as string

    // a file alone is a hand-in too; later files join the waiting submission
    const more = await upload(m.token, `/api/assignment-submissions/${submission}/files`, [
      { name: u('notes.txt'), type: 'text/plain', data: TEXT },
    ])
    expect(more.status).toBe(201)
    expect(more.body.files[0]).toMatchObject({ filename: u('notes.txt'), submission })

    const list = await getJson(m.token, `/api/assignment-submissions/${submission}/files`)
    expect(list.status).toBe(200)
    expect(list.body.files.map((f: { filename: string }) => f.filename)).toEqual([u('portraits.pdf'), u('notes.txt')])
    const download = await get(m.token, list.body.files[0].url)
    expect(download.status).toBe(200)
    expect(download.bytes.equals(PDF)).toBe(true)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('content-disposition')).toContain('attachment')
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')

    // the lesson view shows the files on the submission
    const view = await getJson(m.token, `/api/lessons/${lesson}/view`)
    expect(view.body.assignment.submissions[0].files.map((f: { filename: string }) => f.filename)).toEqual([
      u('portraits.pdf'),
      u('notes.txt'),
    ])
    // stored under DATA_DIR, never a public static URL: Payload's file route checks access too
    const [{ filename }] = await q<{ filename: string }>(
      sql`SELECT filename FROM assignment_files WHERE submission_id = ${submission} ORDER BY created_at LIMIT 1`,
    )
    expect((await get(null, `/api/assignment-files/file/${filename}`)).status).toBeGreaterThanOrEqual(400)
    expect((await get(m.token, `/api/assignment-files/file/${filename}`)).status).toBe(200)

    // at most 3 files per submission
    const third = await upload(m.token, `/api/assignment-submissions/${submission}/files`, [
      { name: u('third.txt'), type: 'text/plain', data: TEXT },
    ])
    expect(third.status).toBe(201)
    const fourth = await upload(m.token, `/api/assignment-submissions/${submission}/files`, [
      { name: u('fourth.txt'), type: 'text/plain', data: TEXT },
    ])
    expect(fourth.status).toBe(409)
    expect(fourth.body.error).toBe('too_many_files')
    expect(await filesOf(submission)).toBe(3)
  })

  it('refuses a file too large (413) and a type it cannot take (415, by its content), storing nothing', async () => {
    const { m, assignment } = await enrolled()
    const before = (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM assignment_files`))[0].n
    const big = Buffer.alloc(25 * 1024 ** 2 + 1, 0x61)
    const tooLarge = await upload(
      m.token,
      `/api/assignments/${assignment}/submit`,
      [{ name: u('huge.txt'), type: 'text/plain', data: big }],
      { body: 'big' },
    )
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.body.error).toBe('file_too_large')
    // an executable named and declared as a PDF, an HTML page, a PNG that is text
    for (const part of [
      { name: u('cv.pdf'), type: 'application/pdf', data: EXE },
      { name: u('page.html'), type: 'text/html', data: Buffer.from('<script>alert(1)</script>') },
      { name: u('photo.png'), type: 'image/png', data: TEXT },
    ]) {
      const res = await upload(m.token, `/api/assignments/${assignment}/submit`, [part], { body: 'typed' })
      expect(res.status, part.name).toBe(415)
      expect(res.body.error).toBe('unsupported_type')
    }
    // nothing stored: no file, no submission (the hand-in is one transaction)
    expect((await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM assignment_files`))[0].n).toBe(before)
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM assignment_submissions WHERE assignment_id = ${assignment}`,
    )
    expect(n).toBe(0)
    // a locked lesson refuses the hand-in with its file
    const locked = await enrolled({ mode: 'after_days', days: 3 })
    const early = await upload(locked.m.token, `/api/assignments/${locked.assignment}/submit`, [
      { name: u('early.pdf'), type: 'application/pdf', data: PDF },
    ])
    expect(early.status).toBe(403)
    expect(early.body.error).toBe('lesson_locked')
  })
})

describe('assignment files: who may read them', () => {
  it('the member and the tenant’s graders read them; another member, the front desk, another tenant and visitors do not', async () => {
    const { m, assignment } = await enrolled()
    const res = await upload(m.token, `/api/assignments/${assignment}/submit`, [
      { name: u('work.pdf'), type: 'application/pdf', data: PDF },
    ])
    expect(res.status).toBe(201)
    const submission = res.body.id as string
    const file = res.body.files[0] as { id: string; url: string }
    const other = pool.find((p) => p.id !== m.id)!

    for (const token of [instructor, owner]) {
      const list = await getJson(token, `/api/assignment-submissions/${submission}/files`)
      expect(list.status).toBe(200)
      expect(list.body.files.map((f: { id: string }) => f.id)).toEqual([file.id])
      const download = await get(token, file.url)
      expect(download.status).toBe(200)
      expect(download.bytes.equals(PDF)).toBe(true)
    }
    for (const token of [other.token, frontDesk, outsider.token, null]) {
      const list = await getJson(token, `/api/assignment-submissions/${submission}/files`)
      // the front desk reads the submission (staff) but none of its files
      if (token === frontDesk) expect(list).toMatchObject({ status: 200, body: { files: [] } })
      else expect([401, 404]).toContain(list.status)
      expect([401, 404]).toContain((await get(token, file.url)).status)
      expect((await getJson(token, `/api/assignment-files/${file.id}`)).status).not.toBe(200)
      const found = await getJson(token, `/api/assignment-files?where[submission][equals]=${submission}`)
      expect(found.body?.docs ?? []).toEqual([])
    }
    // nobody else adds files to it: another member (403), a grader (403), another tenant (404)
    for (const [token, status] of [
      [other.token, 403],
      [instructor, 403],
      [outsider.token, 404],
    ] as const) {
      const res2 = await upload(token, `/api/assignment-submissions/${submission}/files`, [
        { name: u('x.txt'), type: 'text/plain', data: TEXT },
      ])
      expect(res2.status).toBe(status)
    }
    // nor through the collection's REST create
    const direct = await upload(
      other.token,
      '/api/assignment-files',
      [{ name: u('x.txt'), type: 'text/plain', data: TEXT }],
      {
        submission,
        tenant: A,
      },
    )
    expect(direct.status).toBe(403)
    expect(await filesOf(submission)).toBe(1)
  })
})

describe('assignment files: grading and resubmission', () => {
  it('a graded submission takes no file (409); a returned one neither, and the next attempt carries new files', async () => {
    const graded = await enrolled()
    const sub = await upload(graded.m.token, `/api/assignments/${graded.assignment}/submit`, [], { body: 'text only' })
    expect(sub.status).toBe(201)
    expect((await post(instructor, `/api/assignment-submissions/${sub.body.id}/grade`, { points: 8 })).status).toBe(200)
    const afterGrade = await upload(graded.m.token, `/api/assignment-submissions/${sub.body.id}/files`, [
      { name: u('late.pdf'), type: 'application/pdf', data: PDF },
    ])
    expect(afterGrade.status).toBe(409)
    expect(afterGrade.body.error).toBe('already_graded')

    const { m, assignment, lesson } = await enrolled()
    const first = await upload(m.token, `/api/assignments/${assignment}/submit`, [
      { name: u('v1.pdf'), type: 'application/pdf', data: PDF },
    ])
    expect(first.status).toBe(201)
    const returned = await post(instructor, `/api/assignment-submissions/${first.body.id}/return`, {
      feedback: 'Add your notes.',
    })
    expect(returned.status).toBe(200)
    expect(returned.body.files.map((f: { filename: string }) => f.filename)).toEqual([u('v1.pdf')])
    const closed = await upload(m.token, `/api/assignment-submissions/${first.body.id}/files`, [
      { name: u('captions.txt'), type: 'text/plain', data: TEXT },
    ])
    expect(closed.status).toBe(409)
    expect(closed.body.error).toBe('submission_closed')
    const second = await upload(m.token, `/api/assignments/${assignment}/submit`, [
      { name: u('v2.pdf'), type: 'application/pdf', data: PDF },
      { name: u('captions.txt'), type: 'text/plain', data: TEXT },
    ])
    expect(second.status).toBe(201)
    expect(second.body.attempt).toBe(2)
    expect(second.body.files.map((f: { filename: string }) => f.filename)).toEqual([u('v2.pdf'), u('captions.txt')])
    // each attempt keeps its own files; the grader downloads the new ones
    const view = await getJson(m.token, `/api/lessons/${lesson}/view`)
    expect(
      view.body.assignment.submissions.map((s: { attempt: number; files: { filename: string }[] }) => [
        s.attempt,
        s.files.map((f) => f.filename),
      ]),
    ).toEqual([
      [2, [u('v2.pdf'), u('captions.txt')]],
      [1, [u('v1.pdf')]],
    ])
    expect((await get(instructor, second.body.files[1].url)).bytes.equals(TEXT)).toBe(true)
  })
})
