import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { bookAppointment } from '../operations/bookAppointment'
import { uuid } from './schemas'

/** A walk-in guest without an account (desk staff only). */
const guest = z
  .object({
    name: z.string().trim().min(1, 'the guest’s name is required').max(200),
    email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).pipe(z.string().max(254)),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{5,30}$/, 'must be a phone number')
      .optional(),
  })
  .strict()

const body = z
  .object({
    service: uuid,
    provider: uuid,
    startTime: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    member: uuid.optional(),
    guest: guest.optional(),
  })
  .strict()
  .refine((b) => !(b.member && b.guest), { message: 'give `member` or `guest`, not both', path: ['guest'] })

/** POST /api/appointments/book { service, provider, startTime[, member | guest] } → 201 { appointment }. */
export const bookAppointmentEndpoint: Endpoint = {
  path: '/book',
  method: 'post',
  handler: endpointHandler(async (req, raw) => ({ appointment: await bookAppointment(req, body.parse(raw)) }), { status: 201 }),
}
