import { expect } from 'vitest'
import type { HttpClient } from '@/core/testing/httpClient'
import { SCHEDULE_TTL_MS } from '@plugins/bookings/operations/classes/scheduleCache'

type Process = { http: (auth?: { token?: string; headers?: Record<string, string> }) => HttpClient }

const spotsLeft = async (proc: Process, slug: string, classId: string) => {
  const res = await proc.http().get(`/api/schedule?tenant=${slug}`)
  expect(res.status).toBe(200)
  return res.body?.classes?.find((c: { id: string }) => c.id === classId)?.spotsLeft as number | undefined
}

/**
 * A booking taken through `writer` shows on `reader`'s public schedule before `reader`'s cached
 * copy would expire: `reader` read (and cached) the schedule just before, so only an invalidation
 * sent across processes can make it fresh in time.
 */
export const bookingShowsOnOtherProcess = async (
  reader: Process,
  writer: Process,
  { slug, classId, token, spots }: { slug: string; classId: string; token: string; spots: number },
) => {
  const cachedAt = Date.now() // the reader's entry expires no earlier than TTL after this
  expect(await spotsLeft(reader, slug, classId)).toBe(spots)
  expect(await spotsLeft(reader, slug, classId)).toBe(spots) // a cache hit
  const booked = await writer.http({ token }).post(`/api/classes/${classId}/book`)
  expect(booked.status).toBe(201)
  let seen = await spotsLeft(reader, slug, classId)
  while (seen === spots && Date.now() - cachedAt < SCHEDULE_TTL_MS) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    seen = await spotsLeft(reader, slug, classId)
  }
  const seenAfterMs = Date.now() - cachedAt
  expect(seen).toBe(spots - 1)
  // Fresh before the cached entry would have expired on its own.
  expect(seenAfterMs).toBeLessThan(SCHEDULE_TTL_MS)
}
