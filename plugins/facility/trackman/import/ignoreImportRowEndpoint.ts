import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { emptyBody, idParam } from '../../endpoints/schemas'
import { ignoreImportRow } from './reviewImportRow'

/** `POST /api/facility-import-rows/:id/ignore` (desk staff) → 200 `{ id, status: 'ignored' }`. */
export const ignoreImportRowEndpoint: Endpoint = {
  path: '/:id/ignore',
  method: 'post',
  handler: endpointHandler(
    (req, body) => {
      emptyBody.parse(body)
      return ignoreImportRow(req, idParam.parse(req.routeParams).id)
    },
    { requireUser: true },
  ),
}
