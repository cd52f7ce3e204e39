import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { twoTenants, useTestApp } from '@/core/testing'
import { tinyPng } from '@/core/testing/fixtureData'

/**
 * A video or audio content item is published only once its media is `ready` (the kernel's video
 * pipeline: uploading → uploaded → transcoding → ready | failed): 400 `media_not_ready` naming the
 * status, while a draft still saves. The media's status is moved with SQL (the transcoder is not
 * what is tested here).
 */
const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string

const q = (query: ReturnType<typeof sql>) => runSql({ payload: app.payload, transactionID: undefined }, query)
const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`

const mediaWith = async (status: string) => {
  const png = await tinyPng()
  const doc = await app.payload.create({
    collection: 'media',
    data: { tenant: A, alt: 'lesson media', visibility: 'private' },
    file: { data: png, mimetype: 'image/png', name: `m-${slug()}.png`, size: png.length },
  })
  await q(sql`UPDATE media SET status = ${status}::enum_media_status WHERE id = ${doc.id}`)
  return String(doc.id)
}

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
})

describe('media ready before publishing', () => {
  it('refuses to publish a video item while its media transcodes, saves the draft, and publishes once ready', async () => {
    const media = await mediaWith('transcoding')
    const owner = cast.inA.owner.client
    const draft = await owner.post('/api/content-items?draft=true', {
      tenant: A,
      title: 'Warm-up',
      slug: slug(),
      contentType: 'video',
      media,
      visibility: 'private',
      _status: 'draft',
    })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id as string

    const publish = await owner.patch(`/api/content-items/${id}`, { _status: 'published' })
    expect(publish.status).toBe(400)
    expect(JSON.stringify(publish.body)).toContain('media_not_ready')
    expect(JSON.stringify(publish.body)).toContain('media status: transcoding')
    const [row] = await runSql<{ status: string }>(
      { payload: app.payload, transactionID: undefined },
      sql`SELECT _status::text AS status FROM content_items WHERE id = ${id}`,
    )
    expect(row.status).toBe('draft')
    // a new draft still saves
    expect((await owner.patch(`/api/content-items/${id}?draft=true`, { title: 'Warm-up (v2)' })).status).toBe(200)

    await q(sql`UPDATE media SET status = 'ready' WHERE id = ${media}`)
    const ok = await owner.patch(`/api/content-items/${id}`, { _status: 'published' })
    expect(ok.status).toBe(200)
    expect(ok.body.doc).toMatchObject({ _status: 'published', title: 'Warm-up (v2)' })
  })

  it('names the status for uploading and failed media, on create as on update (Local API too)', async () => {
    for (const status of ['uploading', 'uploaded', 'failed']) {
      const media = await mediaWith(status)
      const created = await cast.inA.owner.client.post('/api/content-items', {
        tenant: A,
        title: `Audio ${status}`,
        slug: slug(),
        contentType: 'audio',
        media,
        visibility: 'private',
        _status: 'published',
      })
      expect(created.status).toBe(400)
      expect(JSON.stringify(created.body)).toContain('media_not_ready')
      expect(JSON.stringify(created.body)).toContain(`media status: ${status}`)
      await expect(
        app.payload.create({
          collection: 'content-items',
          data: {
            tenant: A,
            title: 'Local',
            slug: slug(),
            contentType: 'audio',
            media,
            visibility: 'private',
            _status: 'published',
          },
        }),
      ).rejects.toMatchObject({ status: 400 })
    }
    // written items and items without media are not concerned
    const none = await cast.inA.owner.client.post('/api/content-items', {
      tenant: A,
      title: 'No media yet',
      slug: slug(),
      contentType: 'video',
      visibility: 'private',
      _status: 'published',
    })
    expect(none.status).toBe(201)
  })

  it('refuses to publish a course whose video/audio lessons wait for their media, naming each lesson and status; drafts save', async () => {
    const owner = cast.inA.owner.client
    const course = await app.payload.create({
      collection: 'courses',
      draft: true,
      data: { tenant: A, title: 'Breath course', slug: slug() },
    })
    const mod = await app.payload.create({
      collection: 'course-modules',
      data: { tenant: A, course: course.id, title: 'Week 1' },
    })
    const lessonWith = async (title: string, contentType: 'video' | 'audio', media?: string) => {
      const item = await app.payload.create({
        collection: 'content-items',
        draft: true,
        data: { tenant: A, title, slug: slug(), contentType, media, visibility: 'private', _status: 'draft' },
      })
      await app.payload.create({
        collection: 'lessons',
        data: { tenant: A, module: mod.id, title, itemType: contentType, content: item.id, unlock: { mode: 'none' } },
      })
    }
    const ready = await mediaWith('ready')
    const transcoding = await mediaWith('transcoding')
    const failed = await mediaWith('failed')
    await lessonWith('Intro', 'video', ready)
    await lessonWith('Box breathing', 'video', transcoding)
    await lessonWith('Body scan', 'audio', failed)
    await lessonWith('No media yet', 'video')

    const publish = await owner.patch(`/api/courses/${course.id}`, { _status: 'published' })
    expect(publish.status).toBe(400)
    const text = JSON.stringify(publish.body)
    expect(text).toContain('media_not_ready')
    expect(text).toContain('“Box breathing” (video, media status: transcoding)')
    expect(text).toContain('“Body scan” (audio, media status: failed)')
    expect(text).not.toContain('Intro')
    const [row] = await runSql<{ status: string }>(
      { payload: app.payload, transactionID: undefined },
      sql`SELECT _status::text AS status FROM courses WHERE id = ${course.id}`,
    )
    expect(row.status).toBe('draft')
    // a draft still saves (the admin's autosave and "Save draft")
    expect((await owner.patch(`/api/courses/${course.id}?draft=true`, { title: 'Breath course (v2)' })).status).toBe(
      200,
    )
    // the Local API follows the same rule
    await expect(
      app.payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } }),
    ).rejects.toMatchObject({ status: 400 })

    await q(sql`UPDATE media SET status = 'ready' WHERE id IN (${transcoding}, ${failed})`)
    const ok = await owner.patch(`/api/courses/${course.id}`, { _status: 'published' })
    expect(ok.status).toBe(200)
    expect(ok.body.doc).toMatchObject({ _status: 'published', title: 'Breath course (v2)' })
  })
})
