import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler, isPlatformAdmin, MANAGER_ROLES, OperationError, tenantsWithRole, type AccessUser } from '@/core'
import { loadEvent } from '../operations/eventJson'
import { idParam } from './schemas'

const body = z.object({ reason: z.string().max(500).optional() }).strict()

/** POST /api/events/:id/cancel (managers) → { event }: cancels the event, its RSVPs and refunds them. */
export const cancelEventEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req, raw) => {
    const { id } = idParam.parse(req.routeParams)
    const { reason } = body.parse(raw)
    const user = req.user as AccessUser
    if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
    const event = await loadEvent(req, id)
    if (!event || !(isPlatformAdmin(user) || tenantsWithRole(user).includes(event.tenant))) throw new OperationError(404, 'not_found', 'No such event.')
    if (!isPlatformAdmin(user) && !tenantsWithRole(user, MANAGER_ROLES).includes(event.tenant)) {
      throw new OperationError(403, 'forbidden', 'Only managers can cancel events.')
    }
    if (event.status === 'cancelled') throw new OperationError(409, 'event_cancelled', 'This event is already cancelled.')
    const doc = await req.payload.update({
      collection: 'events' as never,
      id,
      data: { status: 'cancelled', cancellationReason: reason ?? 'event_cancelled' } as never,
      req,
      overrideAccess: false,
      depth: 0,
    })
    return { event: doc }
  }),
}
