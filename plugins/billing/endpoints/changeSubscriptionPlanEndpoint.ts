import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { changeSubscriptionPlan } from '../operations/changeSubscriptionPlan'

/** `POST /api/subscriptions/:id/change-plan` with `{ plan, priceKey, payment?, prorationBehavior? }` (desk staff). */
export const changeSubscriptionPlanEndpoint: Endpoint = {
  path: '/:id/change-plan',
  method: 'post',
  handler: endpointHandler(async (req, body) => changeSubscriptionPlan(req, String(req.routeParams?.id ?? ''), body), {
    requireUser: true,
  }),
}
