import type { PayloadRequest } from 'payload'
import { idOf, OperationError } from '@/core'

/** The tenant of the API key calling a Zapier endpoint (`Authorization: api-clients API-Key …`); 401 otherwise. */
export const zapierTenantOf = (req: PayloadRequest): string => {
  const user = req.user
  const tenant = user && user.collection === 'api-clients' && user.status === 'active' ? idOf(user.tenant) : undefined
  if (!tenant) throw new OperationError(401, 'unauthenticated', "Zapier calls need the tenant's API key.")
  return tenant
}
