import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { VapidPublicKeyReply } from '../../contract'
import { subscribePush } from '../../operations/push/subscribePush'
import { unsubscribePush } from '../../operations/push/unsubscribePush'
import { vapidKeys } from '../../operations/push/vapidKeys'

/** `POST /api/push-subscriptions/subscribe` and `/unsubscribe` (the signed-in person's own browser). */
export const pushEndpoints: Endpoint[] = [
  {
    path: '/subscribe',
    method: 'post',
    handler: endpointHandler(
      async (req, body) => {
        const { status, reply } = await subscribePush(req, body)
        return Response.json(reply, { status })
      },
      { requireUser: true },
    ),
  },
  {
    path: '/unsubscribe',
    method: 'post',
    handler: endpointHandler(async (req, body) => unsubscribePush(req, body), { requireUser: true }),
  },
]

/** `GET /api/push/vapid-public-key`: public; the key changes only when the platform's key pair does. */
export const vapidPublicKeyEndpoint: Endpoint = {
  path: '/push/vapid-public-key',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const reply: VapidPublicKeyReply = { publicKey: (await vapidKeys(req.payload)).publicKey }
      return Response.json(reply, { headers: { 'cache-control': 'public, max-age=300' } })
    },
    { transaction: false },
  ),
}
