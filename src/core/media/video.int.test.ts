import { execFile } from 'node:child_process'
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Media } from '@/payload-types'
import { postgresAdapterOf } from '../db/postgresAdapterOf'
import { createPerson, createTenant, leanParity, signIn, useTestApp, type ParityRow } from '../testing'
import { resetEnvForTests } from '../env'
import { reclaimStaleJobs } from '../events/reclaimStaleJobs'
import { ffmpegPath } from './ffmpegPath'
import { ffmpegTranscoder } from './ffmpegTranscoder'
import type { VideoTranscoder } from './VideoTranscoder'
import { withVideoTranscoder } from './withVideoTranscoder'
import { hlsDirOf } from './hlsDirOf'
import { signMediaToken } from './signMediaToken'

// The video pipeline end to end: a few seconds of generated video uploaded through REST, the
// transcode job run from the queue, and the HLS files fetched over HTTP with and without tokens.

// The embedded ffmpeg transcoder behind a test adapter registered through the seam
// (`withVideoTranscoder`): files named `hosted*` stand for a hosted-stream provider (Mux, Cloudflare
// Stream), `slow*` take 2.5 s longer; everything else is transcoded by ffmpeg as in production.
const embedded = ffmpegTranscoder()
const testTranscoder: VideoTranscoder = {
  name: 'test',
  transcode: async (request) => {
    if (request.media.filename.startsWith('hosted'))
      return { kind: 'stream', streamId: `stream-${request.media.id}`, durationSeconds: 3, width: 1280, height: 720 }
    if (request.media.filename.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 2500))
    return embedded.transcode(request)
  },
}
const app = useTestApp({ plugins: [(config) => withVideoTranscoder(config, testTranscoder)] })

let tenant: string
let staffToken: string
let video: Buffer
let corruptVideo: Buffer

/** POST /api/media as staff, multipart, as the admin uploads. */
const upload = async (name: string, content: Buffer, type = 'video/mp4') => {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ tenant, title: name, visibility: 'private' }))
  form.append('file', new Blob([new Uint8Array(content)], { type }), name)
  const response = await fetch(`${app.baseUrl}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${staffToken}` },
    body: form,
  })
  const body = (await response.json()) as { doc: Media }
  expect(response.status, JSON.stringify(body)).toBe(201)
  return body.doc
}

const mediaById = (id: string) => app.payload.findByID({ collection: 'media', id, depth: 0 })
const queuedTranscodes = async (id: string) =>
  (
    await app.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'transcodeMedia' }, 'input.media': { equals: id } },
      limit: 10,
    })
  ).docs
const hls = (id: string, file: string, token?: string) =>
  fetch(`${app.baseUrl}/api/media/${id}/hls/${file}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`)

let ready: Media
let broken: Media
let token: string

beforeAll(async () => {
  tenant = String((await createTenant(app.payload)).id)
  const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
  staffToken = (await signIn(app, String(user.email))).token
  // 3 s of 1280x720 test pattern with a tone, made by the bundled ffmpeg.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-video-'))
  const file = path.join(dir, 'clip.mp4')
  await promisify(execFile)(ffmpegPath(), [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=duration=3:size=1280x720:rate=12'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
  ])
  video = await readFile(file)
  // A Matroska file whose header is intact (so it is taken as video) and whose body is garbage.
  const mkv = path.join(dir, 'clip.mkv')
  await promisify(execFile)(ffmpegPath(), ['-loglevel', 'error', '-y', '-i', file, '-c', 'copy', mkv])
  corruptVideo = Buffer.concat([(await readFile(mkv)).subarray(0, 64), Buffer.alloc(8192, 7)])
}, 60_000)

describe('video upload → transcode job → signed HLS delivery', () => {
  it('an uploaded video is `uploaded` with a transcode job queued; a corrupt one too', async () => {
    const doc = await upload('clip.mp4', video)
    expect(doc).toMatchObject({ kind: 'video', status: 'uploaded', hlsMasterPlaylistKey: null })
    expect(await queuedTranscodes(doc.id)).toHaveLength(1)
    const corrupt = await upload('broken.mkv', corruptVideo, 'video/x-matroska')
    expect(corrupt).toMatchObject({ kind: 'video', status: 'uploaded' })
    expect(await queuedTranscodes(corrupt.id)).toHaveLength(1)
    ready = doc
    broken = corrupt
  })

  it('refuses `ready` without a playlist or stream id, and status moving backwards', async () => {
    const staff = app.http({ token: staffToken })
    const early = await staff.patch(`/api/media/${broken.id}`, { status: 'ready' })
    expect(early.status).toBe(400)
    expect(JSON.stringify(early.body)).toMatch(/ready only with an HLS playlist or a stream id/)
    const backwards = await staff.patch(`/api/media/${broken.id}`, { status: 'uploading' })
    expect(backwards.status).toBe(400)
    expect(JSON.stringify(backwards.body)).toMatch(/only moves forward/)
  })

  it('the job makes the video ready (duration, size, playlist, poster) and the corrupt one failed with the error kept', async () => {
    await app.payload.jobs.run({ limit: 10 })
    ready = await mediaById(ready.id)
    expect(ready).toMatchObject({
      status: 'ready',
      width: 1280,
      height: 720,
      hlsMasterPlaylistKey: `${tenant}/${ready.id}/master.m3u8`,
      posterKey: `${tenant}/${ready.id}/poster.jpg`,
      transcodeError: null,
    })
    expect(ready.durationSeconds).toBeGreaterThan(2.5)
    expect(ready.durationSeconds).toBeLessThan(3.5)
    broken = await mediaById(broken.id)
    expect(broken.status).toBe('failed')
    expect(broken.transcodeError).toMatch(/^The file is not a readable video/)
    expect(broken.hlsMasterPlaylistKey).toBeNull()
    expect(await queuedTranscodes(ready.id)).toHaveLength(0) // done, deleted on completion
  })

  it('running the job again changes nothing', async () => {
    const before = await mediaById(ready.id)
    await app.payload.jobs.queue({
      task: 'transcodeMedia',
      input: { media: ready.id, filename: String(ready.filename) },
    })
    await app.payload.jobs.queue({
      task: 'transcodeMedia',
      input: { media: broken.id, filename: String(broken.filename) },
    })
    await app.payload.jobs.run({ limit: 10 })
    expect(await mediaById(ready.id)).toEqual(before)
    expect((await mediaById(broken.id)).status).toBe('failed')
  })

  it('serves the master playlist, listing both variants with the token in every URI', async () => {
    token = signMediaToken({ media: ready, subject: 'member-1', ttlSeconds: 120 })
    const master = await hls(ready.id, 'master.m3u8', token)
    expect(master.status).toBe(200)
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    const text = await master.text()
    const query = `?token=${encodeURIComponent(token)}`
    expect(text).toContain('#EXTM3U')
    expect(text).toContain(`RESOLUTION=640x360\n360p.m3u8${query}`)
    expect(text).toContain(`RESOLUTION=1280x720\n720p.m3u8${query}`)
    const variant = await hls(ready.id, '720p.m3u8', token)
    expect(variant.status).toBe(200)
    const segments = (await variant.text()).split('\n').filter((line) => line && !line.startsWith('#'))
    expect(segments.length).toBeGreaterThanOrEqual(1)
    for (const segment of segments) expect(segment).toMatch(new RegExp(`^720p_\\d{3}\\.ts\\?token=`))
    const poster = await hls(ready.id, 'poster.jpg', token)
    expect(poster.status).toBe(200)
    expect(poster.headers.get('content-type')).toBe('image/jpeg')
  })

  it('a segment answers 403 without a token, expired, or for another media; 200 with a valid one', async () => {
    const segment = '360p_000.ts'
    const missing = await hls(ready.id, segment)
    expect(missing.status).toBe(403)
    expect(await missing.json()).toMatchObject({ error: 'media_token_required' })
    const expired = signMediaToken({ media: ready, subject: 'member-1', ttlSeconds: 60, now: Date.now() - 61_000 })
    const old = await hls(ready.id, segment, expired)
    expect(old.status).toBe(403)
    expect(await old.json()).toMatchObject({ error: 'media_token_expired' })
    const forOther = signMediaToken({ media: broken, subject: 'member-1', ttlSeconds: 60 })
    const other = await hls(ready.id, segment, forOther)
    expect(other.status).toBe(403)
    expect(await other.json()).toMatchObject({ error: 'media_token_mismatch' })
    const forged = await hls(ready.id, segment, `${token.split('.')[0]}.${forOther.split('.')[1]}`)
    expect(forged.status).toBe(403)

    const ok = await hls(ready.id, segment, token)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('video/mp2t')
    const bytes = Buffer.from(await ok.arrayBuffer())
    expect(bytes.length).toBe(Number(ok.headers.get('content-length')))
    expect(bytes[0]).toBe(0x47) // MPEG-TS sync byte
  })

  it('serves only the names the transcoder writes: no other file, no path traversal', async () => {
    for (const file of ['..%2F..%2Fmedia%2Fclip.mp4', '%2E%2E', 'clip.mp4', 'master.m3u8.bak', '999p_000.ts'])
      expect((await hls(ready.id, file, token)).status, file).toBe(404)
    expect((await fetch(`${app.baseUrl}/api/media/${ready.id}/hls/../../${ready.id}?token=${token}`)).status).not.toBe(
      200,
    )
  })

  it('reads nothing from the database to serve a segment, even for a signed-in member', async () => {
    const { pool } = postgresAdapterOf(app.payload)
    let queries = 0
    const { query, connect } = pool
    pool.query = ((...args: Parameters<typeof query>) => (queries++, query.apply(pool, args))) as typeof query
    pool.connect = ((...args: Parameters<typeof connect>) => (queries++, connect.apply(pool, args))) as typeof connect
    try {
      const { user } = await createPerson(app.payload, { tenant })
      const session = (await signIn(app, String(user.email))).token
      queries = 0
      const response = await fetch(
        `${app.baseUrl}/api/media/${ready.id}/hls/360p_000.ts?token=${encodeURIComponent(token)}`,
        {
          headers: { authorization: `JWT ${session}`, cookie: `payload-token=${session}` },
        },
      )
      expect(response.status).toBe(200)
      await response.arrayBuffer()
      expect(queries).toBe(0)
      // The counter sees the queries of an ordinary signed-in request.
      const me = await fetch(`${app.baseUrl}/api/users/me`, { headers: { authorization: `JWT ${session}` } })
      expect(me.status).toBe(200)
      expect(queries).toBeGreaterThan(0)
    } finally {
      pool.query = query
      pool.connect = connect
    }
  })
})

describe('replacing the file of a video', () => {
  it('starts over: uploaded, a job for the new file; a job still queued for the old file does nothing', async () => {
    const before = await mediaById(ready.id)
    const form = new FormData()
    form.append('_payload', JSON.stringify({ title: 'clip, second cut' }))
    form.append('file', new Blob([new Uint8Array(video)], { type: 'video/mp4' }), 'second-cut.mp4')
    const response = await fetch(`${app.baseUrl}/api/media/${ready.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${staffToken}` },
      body: form,
    })
    const { doc } = (await response.json()) as { doc: Media }
    expect(response.status).toBe(200)
    expect(doc).toMatchObject({ status: 'uploaded', hlsMasterPlaylistKey: null, posterKey: null })
    expect(doc.filename).not.toBe(before.filename)
    const jobs = await queuedTranscodes(ready.id)
    expect(jobs.map((job) => (job.input as { filename: string }).filename)).toEqual([doc.filename])
    // A job for the file that was replaced (queued before, run late) must not touch the new upload.
    await app.payload.jobs.queue({
      task: 'transcodeMedia',
      input: { media: ready.id, filename: String(before.filename) },
    })
    await app.payload.jobs.run({ limit: 10 })
    ready = await mediaById(ready.id)
    expect(ready).toMatchObject({
      status: 'ready',
      filename: doc.filename,
      hlsMasterPlaylistKey: before.hlsMasterPlaylistKey,
    })
    expect((await hls(ready.id, '360p_000.ts', token)).status).toBe(200)
  })
})

describe('the HLS route answers alike through the lean path and Payload', () => {
  type Fixtures = { id: string; token: string; expired: string; session: string }
  const get = (f: Fixtures, file: string, token?: string, headers: Record<string, string> = {}) => ({
    method: 'GET',
    path: `/api/media/${f.id}/hls/${file}${token ? `?token=${encodeURIComponent(token)}` : ''}`,
    headers,
  })
  // Long-lived tokens: max-age is capped at an hour, so every pipeline sends the same header.
  const rows: ParityRow<Fixtures>[] = [
    {
      name: 'segment, valid token',
      request: (f) => get(f, '360p_000.ts', f.token),
      expect: { status: 200, lean: true },
    },
    {
      name: 'playlist, valid token',
      request: (f) => get(f, '360p.m3u8', f.token),
      expect: { status: 200, lean: true },
    },
    { name: 'segment, no token', request: (f) => get(f, '360p_000.ts'), expect: { status: 403, lean: true } },
    {
      name: 'segment, expired token',
      request: (f) => get(f, '360p_000.ts', f.expired),
      expect: { status: 403, lean: true },
    },
    { name: 'unknown file name', request: (f) => get(f, 'clip.mp4', f.token), expect: { status: 404, lean: true } },
    {
      name: 'segment, valid token, signed-in member (session not looked up)',
      request: (f) => get(f, '360p_000.ts', f.token, { authorization: `JWT ${f.session}` }),
      expect: { status: 200, lean: true },
    },
    {
      name: 'segment, valid token, a bad session token beside it',
      request: (f) => get(f, '360p_000.ts', f.token, { authorization: 'JWT not-a-token' }),
      expect: { status: 200, lean: true },
    },
  ]
  let fx: Fixtures
  beforeAll(async () => {
    const { user } = await createPerson(app.payload, { tenant })
    fx = {
      id: ready.id,
      token: signMediaToken({ media: ready, subject: String(user.id), ttlSeconds: 7200 }),
      expired: signMediaToken({ media: ready, subject: String(user.id), ttlSeconds: 60, now: Date.now() - 120_000 }),
      session: (await signIn(app, String(user.email))).token,
    }
  })
  it.each(rows)('$name', (row) => leanParity(app).expectParity(row, fx))
})

describe('the transcoder seam and long transcodes', () => {
  it('a hosted-stream adapter (Mux, Cloudflare Stream) makes the video ready with its stream id', async () => {
    const doc = await upload('hosted.mp4', video)
    await app.payload.jobs.run({ limit: 10 })
    expect(await mediaById(doc.id)).toMatchObject({
      status: 'ready',
      streamId: `stream-${doc.id}`,
      hlsMasterPlaylistKey: null,
      durationSeconds: 3,
    })
  })

  it('keeps the lease of a transcode that outlasts JOBS_LEASE_SECONDS: no other worker takes it over', async () => {
    process.env.JOBS_LEASE_SECONDS = '1'
    resetEnvForTests()
    try {
      const doc = await upload('slow.mp4', video)
      let released = 0
      const run = app.payload.jobs.run({ limit: 10 })
      const until = Date.now() + 2400
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 300))
        released += await reclaimStaleJobs(app.payload, 1)
      }
      await run
      expect(released).toBe(0)
      expect((await mediaById(doc.id)).status).toBe('ready')
    } finally {
      delete process.env.JOBS_LEASE_SECONDS
      resetEnvForTests()
    }
  })
})

describe('deleting a video for good', () => {
  it('removes its HLS files through the queue once the delete commits', async () => {
    const master = path.join(hlsDirOf(app.payload, tenant, ready.id), 'master.m3u8')
    await expect(stat(master)).resolves.toBeTruthy()
    const deleted = await app.http({ token: staffToken }).delete(`/api/media/${ready.id}`)
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    await expect(stat(master)).resolves.toBeTruthy() // not straight from the hook
    await app.payload.jobs.run({ limit: 10 })
    await expect(stat(path.dirname(master))).rejects.toThrow(/ENOENT/)
  })
})
