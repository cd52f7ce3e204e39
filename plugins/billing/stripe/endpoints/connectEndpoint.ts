import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { connectStripeAccount } from '../operations/connectStripeAccount'

/** `POST /api/billing/stripe/connect` with `{ tenant }`: Connect onboarding for the tenant's owner or admin. */
export const connectEndpoint: Endpoint = {
  path: '/billing/stripe/connect',
  method: 'post',
  handler: endpointHandler((req, body) => connectStripeAccount(req, body), { status: 201, requireUser: true }),
}
