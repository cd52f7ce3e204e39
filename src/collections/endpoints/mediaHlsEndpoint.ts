import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core/http/endpointHandler'
import { leanEndpoint } from '@/core/http/lean'
import { serveHlsFile } from '@/core/media/serveHlsFile'

/**
 * GET /api/media/:id/hls/:file?token=... → a playlist (URIs carrying the token), segment or poster
 * of a transcoded video. The signed token (`signMediaToken`) is the only credential: no session,
 * no database read. Lean: served without Payload's REST pipeline and without the session check.
 */
export const mediaHlsEndpoint: Endpoint = leanEndpoint(
  {
    path: '/:id/hls/:file',
    method: 'get',
    handler: endpointHandler(
      (req) =>
        serveHlsFile(req.payload, {
          id: String(req.routeParams?.id ?? ''),
          file: String(req.routeParams?.file ?? ''),
          token: new URL(req.url ?? '', 'http://localhost').searchParams.get('token'),
        }),
      { transaction: false },
    ),
  },
  { authenticate: false },
)
