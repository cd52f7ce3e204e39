import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { readEarnings } from '../operations/readEarnings'

/** GET /api/lms/earnings?from=YYYY-MM&to=YYYY-MM[&tenant=<id>] → 200 `EarningsReply` (owners and admins of the tenant). */
export const earningsEndpoint: Endpoint = {
  path: '/lms/earnings',
  method: 'get',
  handler: endpointHandler(
    async (req) => readEarnings(req, Object.fromEntries(new URL(req.url ?? 'http://x/').searchParams)),
    { status: 200, requireUser: true },
  ),
}
