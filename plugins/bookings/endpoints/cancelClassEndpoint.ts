import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler, isPlatformAdmin, OperationError, tenantsWithRole, type AccessUser } from '@/core'
import { loadClass } from '../operations/loadClassForUpdate'
import { idParam } from './schemas'

const body = z.object({ reason: z.string().max(500).optional() }).strict()

/** POST /api/classes/:id/cancel (managers) → { class }: cancels the class, its bookings and refunds. */
export const cancelClassEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: endpointHandler(async (req, raw) => {
    const { id } = idParam.parse(req.routeParams)
    const { reason } = body.parse(raw)
    const user = req.user as AccessUser
    const klass = await loadClass(req, id)
    // Another tenant's class is simply not there (404), not forbidden.
    if (!klass || !(isPlatformAdmin(user) || tenantsWithRole(user).includes(klass.tenant))) throw new OperationError(404, 'not_found', 'No such class.')
    const doc = await req.payload.update({
      collection: 'classes' as never,
      id,
      data: { status: 'cancelled', cancellationReason: reason ?? 'class_cancelled' } as never,
      req,
      overrideAccess: false,
      depth: 0,
    })
    return { class: doc }
  }),
}
