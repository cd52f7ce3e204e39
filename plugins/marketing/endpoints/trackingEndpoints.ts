import type { Endpoint, PayloadRequest } from 'payload'
import { endpointHandler } from '@/core'
import { recordClick, recordOpen } from '../operations/tracking/recordEngagement'

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

const param = (req: PayloadRequest, name: string) => {
  const value = req.query?.[name]
  return typeof value === 'string' ? value : undefined
}

/** `GET /api/message-logs/:id/open.gif?sig=…`: the open pixel (records the first open; never cached). */
export const openPixelEndpoint: Endpoint = {
  path: '/:id/open.gif',
  method: 'get',
  handler: endpointHandler(async (req) => {
    await recordOpen(req, String(req.routeParams?.id ?? ''), param(req, 'sig'))
    return new Response(PIXEL, {
      headers: {
        'content-type': 'image/gif',
        'cache-control': 'no-store, no-cache, must-revalidate, private',
        'content-length': String(PIXEL.length),
      },
    })
  }),
}

/** `GET /api/message-logs/:id/click?u=…&sig=…`: records the first click and redirects (302) to `u`. */
export const clickEndpoint: Endpoint = {
  path: '/:id/click',
  method: 'get',
  handler: endpointHandler(async (req) => {
    const { location } = await recordClick(req, String(req.routeParams?.id ?? ''), param(req, 'u'), param(req, 'sig'))
    return new Response(null, {
      status: 302,
      headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    })
  }),
}
