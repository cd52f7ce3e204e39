import type { Endpoint } from 'payload'
import { z } from 'zod'
import { OperationError, endpointHandler } from '@/core'

/**
 * `POST /api/notifications/:id/read`: marks one of the caller's own notifications read (through
 * the collection's access rules: another member's notification is 404, and a member changes
 * nothing but `readAt`). Marking it twice keeps the first time.
 */
export const readNotificationEndpoint: Endpoint = {
  path: '/:id/read',
  method: 'post',
  handler: endpointHandler(
    async (req) => {
      const id = z.string().uuid().parse(req.routeParams?.id)
      const found = await req.payload.findByID({
        collection: 'notifications',
        id,
        depth: 0,
        overrideAccess: false,
        req,
        disableErrors: true,
      })
      if (!found) throw new OperationError(404, 'not_found', 'No such notification.')
      if (found.readAt) return { id, readAt: found.readAt }
      const doc = await req.payload.update({
        collection: 'notifications',
        id,
        data: { readAt: new Date().toISOString() },
        depth: 0,
        overrideAccess: false,
        req,
      })
      return { id, readAt: doc.readAt }
    },
    { requireUser: true },
  ),
}
