import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { createPortalSession } from '../operations/createPortalSession'

/** `POST /api/billing/portal`: the Stripe customer portal for the signed-in member of `tenant`. */
export const portalEndpoint: Endpoint = {
  path: '/billing/portal',
  method: 'post',
  handler: endpointHandler((req, body) => createPortalSession(req, body), { status: 201, requireUser: true }),
}
