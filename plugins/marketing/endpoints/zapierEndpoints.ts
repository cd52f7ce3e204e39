import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { subscribeZapierHook, unsubscribeZapierHook, zapierSamples } from '../integrations/zapier/zapierHooks'

/** Zapier REST hooks, authenticated with the tenant's API key: subscribe, unsubscribe, sample list. */
export const zapierEndpoints: Endpoint[] = [
  {
    path: '/zapier/hooks',
    method: 'post',
    handler: endpointHandler(async (req, body) => subscribeZapierHook(req, body), { status: 201 }),
  },
  {
    path: '/zapier/hooks/:id',
    method: 'delete',
    handler: endpointHandler(async (req) => unsubscribeZapierHook(req, String(req.routeParams?.id ?? ''))),
  },
  {
    path: '/zapier/samples/:event',
    method: 'get',
    handler: endpointHandler(async (req) => zapierSamples(req, String(req.routeParams?.event ?? '')), {
      transaction: false,
    }),
  },
]
