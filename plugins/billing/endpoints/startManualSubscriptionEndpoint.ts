import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { startManualSubscription, type StartManualSubscriptionInput } from '../operations/startManualSubscription'

/** `POST /api/subscriptions/manual`: desk staff start a plan for a member, paid at the desk. */
export const startManualSubscriptionEndpoint: Endpoint = {
  path: '/manual',
  method: 'post',
  handler: endpointHandler(async (req, body) => startManualSubscription(req, body as StartManualSubscriptionInput), {
    status: 201,
    requireUser: true,
  }),
}
