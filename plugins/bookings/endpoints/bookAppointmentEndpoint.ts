import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { guestSchema } from '../fields/guestFields'
import { bookAppointment } from '../operations/appointments/bookAppointment'
import { uuid } from './schemas'

const body = z
  .object({
    service: uuid,
    provider: uuid,
    startTime: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    member: uuid.optional(),
    guest: guestSchema.optional(),
  })
  .strict()
  .refine((b) => !(b.member && b.guest), { message: 'give `member` or `guest`, not both', path: ['guest'] })

/** POST /api/appointments/book { service, provider, startTime[, member | guest] } → 201 { appointment }. */
export const bookAppointmentEndpoint: Endpoint = {
  path: '/book',
  method: 'post',
  handler: endpointHandler(async (req, raw) => ({ appointment: await bookAppointment(req, body.parse(raw)) }), {
    status: 201,
  }),
}
