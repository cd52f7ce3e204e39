import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { payReservationFee } from '../operations/payReservationFee'
import { idParam } from './schemas'

/**
 * POST /api/reservations/:id/pay `{ method?: online | cash | terminal }` → 200 the fee's commerce
 * order (and the payment page for `online`); the fee snapshot is marked paid by `order.paid`. An
 * unpaid order expires `holdMinutes` after it is opened (commerce's order expiry).
 */
export const payEndpoint = (options: { holdMinutes: number }): Endpoint => ({
  path: '/:id/pay',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => payReservationFee(req, idParam.parse(req.routeParams).id, body, options),
    { status: 200, requireUser: true },
  ),
})
