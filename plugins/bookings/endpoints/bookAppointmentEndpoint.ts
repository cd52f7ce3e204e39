import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { bookAppointment } from '../operations/bookAppointment'
import { uuid } from './schemas'

const body = z
  .object({ service: uuid, provider: uuid, startTime: z.iso.datetime({ offset: true }).transform((s) => new Date(s)), member: uuid.optional() })
  .strict()

/** POST /api/appointments/book { service, provider, startTime[, member] } → 201 { appointment }. */
export const bookAppointmentEndpoint: Endpoint = {
  path: '/book',
  method: 'post',
  handler: endpointHandler(async (req, raw) => ({ appointment: await bookAppointment(req, body.parse(raw)) }), { status: 201 }),
}
