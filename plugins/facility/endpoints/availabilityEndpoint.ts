import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { DayAvailabilityInput } from '../contract'
import { dayAvailability } from '../operations/dayAvailability'

/**
 * GET /api/facility-resources/availability?tenant=<id>&date=YYYY-MM-DD[&location=<id>] → each
 * active resource's slot grid on that local day with `free` per start (public, like the resources).
 */
export const availabilityEndpoint: Endpoint = {
  path: '/availability',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      // Read from the URL (in-process calls carry no parsed query); Payload's own keys (depth, …) are left out.
      const { tenant, date, location } = Object.fromEntries(new URL(req.url ?? 'http://x/').searchParams)
      return dayAvailability(req, { tenant, date, ...(location ? { location } : {}) } as DayAvailabilityInput)
    },
    { transaction: false },
  ),
}
