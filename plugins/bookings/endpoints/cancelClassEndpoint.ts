import type { Endpoint } from 'payload'
import { isPlatformAdmin, OperationError, tenantsWithRole, type AccessUser } from '@/core'
import { loadClass } from '../operations/classes/loadClassForUpdate'
import { markCancelled } from '../operations/shared/markCancelled'
import { cancelByIdEndpoint } from './cancelByIdEndpoint'

/** POST /api/classes/:id/cancel (managers) → { class }: cancels the class, its bookings and refunds. */
export const cancelClassEndpoint: Endpoint = cancelByIdEndpoint(async (req, { id, reason }) => {
  const user: AccessUser = req.user
  const klass = await loadClass(req, id)
  // Another tenant's class is simply not there (404), not forbidden.
  if (!klass || !(isPlatformAdmin(user) || tenantsWithRole(user).includes(klass.tenant)))
    throw new OperationError(404, 'not_found', 'No such class.')
  return { class: await markCancelled(req, 'classes', id, reason ?? 'class_cancelled') }
})
