import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { appointmentSlots } from '../operations/appointments/appointmentSlots'
import { idParam, uuid } from './schemas'

const DAY = 86_400_000
const query = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    provider: uuid.optional(),
  })
  .strict()
  .transform((q) => {
    const from = q.from ? new Date(q.from) : new Date()
    const to = q.to ? new Date(q.to) : new Date(from.getTime() + 7 * DAY)
    return { ...q, from, to }
  })
  .refine((q) => q.to > q.from, { message: '`to` must be after `from`', path: ['to'] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 31 * DAY, { message: 'at most 31 days at once', path: ['to'] })

/** GET /api/appointment-services/:id/slots?from=&to=&provider= → { service, from, to, slots: [{ provider, startTime, endTime }] } (public). */
export const slotsEndpoint: Endpoint = {
  path: '/:id/slots',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const { id } = idParam.parse(req.routeParams)
      const input = query.parse(Object.fromEntries(new URL(req.url ?? 'http://x/').searchParams))
      return appointmentSlots(req, { serviceId: id, ...input })
    },
    { transaction: false },
  ),
}
