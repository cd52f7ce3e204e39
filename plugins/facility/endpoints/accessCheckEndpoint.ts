import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { checkAccessCode } from '../operations/checkAccessCode'

/** POST /api/reservations/access-check { tenant, code, at? } (desk staff, door controller) → 200 { valid, reservation, reason }. */
export const accessCheckEndpoint: Endpoint = {
  path: '/access-check',
  method: 'post',
  handler: endpointHandler(async (req, body) => checkAccessCode(req, body), { status: 200, requireUser: true }),
}
