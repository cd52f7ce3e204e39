import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { idParam } from '../../endpoints/schemas'
import type { AccessCodeOptions } from '../../operations/accessCode'
import { resolveImportRow } from './reviewImportRow'

/** `POST /api/facility-import-rows/:id/resolve` (desk staff) `{ member }` → 200 `{ id, status: 'resolved', reservation, created }`. */
export const resolveImportRowEndpoint = (codes: AccessCodeOptions): Endpoint => ({
  path: '/:id/resolve',
  method: 'post',
  handler: endpointHandler((req, body) => resolveImportRow(req, idParam.parse(req.routeParams).id, body, codes), {
    requireUser: true,
  }),
})
