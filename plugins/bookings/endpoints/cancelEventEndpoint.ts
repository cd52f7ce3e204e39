import type { Endpoint } from 'payload'
import { isPlatformAdmin, MANAGER_ROLES, OperationError, tenantsWithRole, type AccessUser } from '@/core'
import { loadEvent } from '../operations/format/eventJson'
import { markCancelled } from '../operations/shared/markCancelled'
import { cancelByIdEndpoint } from './cancelByIdEndpoint'

/** POST /api/events/:id/cancel (managers) → { event }: cancels the event, its RSVPs and refunds them. */
export const cancelEventEndpoint: Endpoint = cancelByIdEndpoint(async (req, { id, reason }) => {
  const user: AccessUser = req.user
  if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const event = await loadEvent(req, id)
  if (!event || !(isPlatformAdmin(user) || tenantsWithRole(user).includes(event.tenant)))
    throw new OperationError(404, 'not_found', 'No such event.')
  if (!isPlatformAdmin(user) && !tenantsWithRole(user, MANAGER_ROLES).includes(event.tenant)) {
    throw new OperationError(403, 'forbidden', 'Only managers can cancel events.')
  }
  if (event.status === 'cancelled') throw new OperationError(409, 'event_cancelled', 'This event is already cancelled.')
  return { event: await markCancelled(req, 'events', id, reason ?? 'event_cancelled') }
})
