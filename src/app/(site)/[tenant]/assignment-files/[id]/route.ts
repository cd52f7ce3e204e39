import { createLocalReq, type PayloadRequest } from 'payload'
import { findEndpoint } from '@/core'
import { loadSite, payloadInstance } from '../../_lib/site'
import { loadVisitor } from '../../_lib/visitor'

type Context = { params: Promise<{ tenant: string; id: string }> }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * `GET /<slug>/assignment-files/<id>`: a file the signed-in member handed in, as an attachment
 * (lms's access-checked `GET /api/assignment-files/:id/download`, called in-process as the
 * visitor and streamed through). 404 for anyone else, for a visitor and when lms is not installed.
 */
export async function GET(_request: Request, { params }: Context) {
  const { tenant, id } = await params
  const site = await loadSite(tenant)
  const notFound = () => Response.json({ error: 'not_found', message: 'Not found.' }, { status: 404 })
  if (!site || !site.open || !UUID.test(id)) return notFound()
  const visitor = await loadVisitor(site)
  const payload = await payloadInstance()
  const endpoint = findEndpoint(payload, 'assignment-files', '/:id/download', 'get')
  if (!visitor || !endpoint) return notFound()
  const req = await createLocalReq(
    {
      req: {
        method: 'GET',
        routeParams: { id },
        url: `${payload.config.serverURL || 'http://localhost'}/api`,
      } as Partial<PayloadRequest>,
      user: visitor.user,
    },
    payload,
  )
  return endpoint.handler(req)
}
