import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler, leanEndpoint } from '@/core'
import { readSchedule } from '../operations/classes/readSchedule'
import { watchScheduleChanges } from '../operations/classes/scheduleBus'
import { scheduleCache } from '../operations/classes/scheduleCache'
import { uuid } from './schemas'

const DAY = 86_400_000
const query = z
  .object({
    tenant: z.string().regex(/^[a-z0-9-]+$/, 'must be a tenant slug'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    location: uuid.optional(),
    instructor: uuid.optional(),
  })
  .transform((q) => {
    const from = q.from ? new Date(q.from) : new Date()
    const to = q.to ? new Date(q.to) : new Date(from.getTime() + 7 * DAY)
    return { ...q, from, to }
  })
  .refine((q) => q.to > q.from, { message: '`to` must be after `from`', path: ['to'] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 62 * DAY, { message: 'at most 62 days at once', path: ['to'] })

/**
 * GET /api/schedule?tenant=<slug>&from=&to=&location=&instructor= — public; one SQL statement on a
 * miss, none on a hit of the short-lived schedule cache (kept in step with other processes' writes
 * by scheduleBus.ts); answers 304 to a matching If-None-Match.
 */
export const scheduleEndpoint: Endpoint = leanEndpoint({
  path: '/schedule',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      watchScheduleChanges(req.payload)
      const params = Object.fromEntries(new URL(req.url ?? 'http://x/').searchParams)
      const input = query.parse(params)
      const key = [input.tenant, params.from ?? '', params.to ?? '', input.location ?? '', input.instructor ?? ''].join(
        '|',
      )
      let entry = scheduleCache.get(key)
      if (!entry) {
        const schedule = await readSchedule(req, input)
        entry = scheduleCache.set(key, schedule.tenantId, JSON.stringify(schedule))
      }
      const headers = { 'content-type': 'application/json', 'cache-control': 'public, max-age=5', etag: entry.etag }
      if (req.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers })
      return new Response(entry.body, { headers })
    },
    { transaction: false },
  ),
})
