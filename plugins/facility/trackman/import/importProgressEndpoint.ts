import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { idParam } from '../../endpoints/schemas'
import { readImportProgress } from './readImportProgress'

/** `GET /api/facility-imports/:id/progress` (staff) → 200 the status, counts and percent (the progress bar polls it). */
export const importProgressEndpoint: Endpoint = {
  path: '/:id/progress',
  method: 'get',
  handler: endpointHandler((req) => readImportProgress(req, idParam.parse(req.routeParams).id), {
    requireUser: true,
    transaction: false,
  }),
}
