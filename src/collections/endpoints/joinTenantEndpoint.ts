import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core/http/endpointHandler'
import { joinTenant } from '../operations/joinTenant'

const body = z.object({ tenant: z.string().min(1).max(100) }).strict()

/** POST /api/tenant-memberships/join { tenant: "<slug>" } → 201 { membership, joined: true } (200 and joined: false when already a member). */
export const joinTenantEndpoint: Endpoint = {
  path: '/join',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const result = await joinTenant(req, body.parse(raw))
      return Response.json(result, { status: result.joined ? 201 : 200 })
    },
    { requireUser: true },
  ),
}
