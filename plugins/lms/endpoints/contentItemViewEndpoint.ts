import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { viewContentItem } from '../operations/viewContentItem'
import { idParam } from './schemas'

/**
 * GET /api/content-items/:id/view → 200 `ContentItemView` (media and a signed playback URL) when
 * the access decision allows it; 401 / 403 `<reason>` / 404 otherwise, never with media.
 */
export const contentItemViewEndpoint: Endpoint = {
  path: '/:id/view',
  method: 'get',
  handler: endpointHandler(async (req) => viewContentItem(req, idParam.parse(req.routeParams).id), { status: 200 }),
}
