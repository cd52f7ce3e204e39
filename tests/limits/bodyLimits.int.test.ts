import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from '@plugins/bookings/bookingsTestKit'

// Small file limits for this file's app (read when it starts): images etc. 1 MB, video 3 MB.
const saved = { upload: process.env.UPLOAD_FILE_LIMIT, video: process.env.VIDEO_FILE_LIMIT }
process.env.UPLOAD_FILE_LIMIT = '1mb'
process.env.VIDEO_FILE_LIMIT = '3mb'
afterAll(() => {
  for (const [key, value] of [
    ['UPLOAD_FILE_LIMIT', saved.upload],
    ['VIDEO_FILE_LIMIT', saved.video],
  ] as const)
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
})

const app = useTestApp()
const MB = 1024 ** 2
const HUGE = 60 * MB

type Sent = { status: number; body: any; ms: number; sentAtAnswer: number; total: number }

/**
 * POSTs `total` bytes of a JSON-looking body in 64 KB chunks over a raw socket, as fast as the
 * server takes them, with Content-Length or chunked; resolves when the answer arrives, with how
 * many bytes had been written by then. Stops writing once answered.
 */
const sendBody = (
  baseUrl: string,
  path: string,
  { total, headers = {}, declareLength }: { total: number; headers?: Record<string, string>; declareLength: boolean },
): Promise<Sent> =>
  new Promise((resolve, reject) => {
    const started = Date.now()
    const chunk = Buffer.alloc(64 * 1024, 'a')
    chunk.write('{"email":"x@example.test","padding":"')
    let sent = 0
    let answered = false
    const request = http.request(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(declareLength ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
        ...headers,
      },
    })
    request.on('error', (error) => {
      if (!answered) reject(error)
    })
    request.on('response', (response) => {
      answered = true
      const sentAtAnswer = sent
      const ms = Date.now() - started
      const parts: Buffer[] = []
      response.on('data', (part: Buffer) => parts.push(part))
      response.on('end', () => {
        request.destroy()
        const text = Buffer.concat(parts).toString()
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          // not JSON
        }
        resolve({ status: response.statusCode ?? 0, body, ms, sentAtAnswer, total })
      })
    })
    const pump = () => {
      while (!answered && sent < total && !request.destroyed) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - sent))
        sent += part.length
        if (!request.write(part)) return void request.once('drain', pump)
      }
      if (!answered && sent >= total && !request.destroyed) request.end()
    }
    pump()
  })

const multipart = (fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) => {
  const boundary = `----atrium${Date.now()}`
  const head = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('')
  const body = Buffer.concat([
    Buffer.from(
      `${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

/** A 1×1 PNG, padded with a trailing chunk to `bytes` (still a valid image). */
const png = (bytes: number) => {
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  return Buffer.concat([pixel, Buffer.alloc(Math.max(0, bytes - pixel.length))])
}

describe('body limits at the edge', () => {
  let memberToken: string
  let staffToken: string
  let tenant: string
  let memberEmail: string
  let classId: string

  beforeAll(async () => {
    tenant = String((await createTenant(app.payload)).id)
    const member = await createPerson(app.payload, { tenant, roles: ['member'] })
    const staff = await createPerson(app.payload, { tenant, roles: ['owner'] })
    memberEmail = member.user.email
    memberToken = (await signIn(app, member.user.email)).token
    staffToken = (await signIn(app, staff.user.email)).token
    classId = String((await bookingsTestKit(app.payload).createClass(tenant, { capacity: 5 })).id)
  })

  for (const declareLength of [true, false]) {
    const how = declareLength ? 'with Content-Length' : 'chunked, without Content-Length'
    it(`refuses a 60 MB JSON body to /api/users/login with 413 before it is sent (${how})`, async () => {
      const res = await sendBody(app.baseUrl, '/api/users/login', { total: HUGE, declareLength })
      console.log(
        `[limits] login, 60 MB ${how}: 413 after ${res.ms} ms, ${(res.sentAtAnswer / MB).toFixed(1)} MB written by then`,
      )
      expect(res.status).toBe(413)
      expect(res.body).toMatchObject({ error: 'body_too_large', limit: MB })
      expect(res.sentAtAnswer).toBeLessThan(HUGE)
    })

    it(`refuses a 60 MB JSON body to a member's booking with 413 before it is sent (${how})`, async () => {
      const res = await sendBody(app.baseUrl, `/api/classes/${classId}/book`, {
        total: HUGE,
        declareLength,
        headers: { authorization: `JWT ${memberToken}` },
      })
      console.log(
        `[limits] booking, 60 MB ${how}: 413 after ${res.ms} ms, ${(res.sentAtAnswer / MB).toFixed(1)} MB written by then`,
      )
      expect(res.status).toBe(413)
      expect(res.body).toMatchObject({ error: 'body_too_large' })
      expect(res.sentAtAnswer).toBeLessThan(HUGE)
      const bookings = await bookingsTestKit(app.payload).q<{ n: number }>(
        (await import('@payloadcms/db-postgres'))
          .sql`SELECT count(*)::int AS n FROM bookings WHERE class_id = ${classId}`,
      )
      expect(bookings[0].n).toBe(0)
    })
  }

  it('refuses an oversized GraphQL body too', async () => {
    const res = await sendBody(app.baseUrl, '/api/graphql', { total: 2 * MB, declareLength: false })
    expect(res.status).toBe(413)
  })

  it('still serves ordinary requests: login, a booking, a body just under the limit', async () => {
    const login = await app
      .http()
      .post('/api/users/login', { email: memberEmail, password: 'correct-horse-battery-staple' })
    expect(login.status).toBe(200)
    const booking = await app.http({ token: memberToken }).post(`/api/classes/${classId}/book`, {})
    expect(booking.status, JSON.stringify(booking.body)).toBe(201)
    // 900 KB of JSON reaches the handler (a wrong password answers 401, not 413).
    const padded = await app.http().post('/api/users/login', {
      email: memberEmail,
      password: 'wrong',
      padding: 'x'.repeat(900 * 1024),
    })
    expect(padded.status).toBe(401)
  })

  describe('uploads', () => {
    const upload = async (file: { name: string; type: string; content: Buffer }) => {
      const { body, contentType } = multipart(
        { _payload: JSON.stringify({ tenant, alt: 'test', title: 'test' }) },
        file,
      )
      const response = await fetch(`${app.baseUrl}/api/media`, {
        method: 'POST',
        headers: { authorization: `JWT ${staffToken}`, 'content-type': contentType },
        body,
      })
      return { status: response.status, body: (await response.json()) as any }
    }

    it('accepts an image within its limit', async () => {
      const image = png(200 * 1024)
      const res = await upload({ name: 'small.png', type: 'image/png', content: image })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.doc).toMatchObject({ kind: 'image', filesize: image.length })
    })

    it('refuses an image over the 1 MB file limit with 413 and says why', async () => {
      const image = png(2 * MB)
      const res = await upload({ name: 'large.png', type: 'image/png', content: image })
      expect(res.status).toBe(413)
      expect(JSON.stringify(res.body)).toMatch(/Files other than video may be at most 1 MB/)
    })

    it('refuses a video over the 3 MB video limit while it streams (busboy limit)', async () => {
      const res = await upload({ name: 'clip.mp4', type: 'video/mp4', content: Buffer.alloc(Math.floor(3.5 * MB), 7) })
      expect(res.status).toBe(413)
      expect(JSON.stringify(res.body)).toMatch(/larger than uploads may be/)
    })

    it('refuses an upload request declared over the upload limit before reading it', async () => {
      const res = await sendBody(app.baseUrl, '/api/media', {
        total: HUGE,
        declareLength: true,
        headers: { authorization: `JWT ${staffToken}`, 'content-type': 'multipart/form-data; boundary=x' },
      })
      expect(res.status).toBe(413)
      expect(res.body).toMatchObject({ error: 'body_too_large', limit: 4 * MB })
      expect(res.sentAtAnswer).toBeLessThan(HUGE)
    })
  })
})
