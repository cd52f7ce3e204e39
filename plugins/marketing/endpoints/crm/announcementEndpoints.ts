import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { dismissAnnouncement } from '../../operations/crm/dismissAnnouncement'
import { siteBanners } from '../../operations/crm/siteBanners'

const bannersQuery = z.object({ tenant: z.string().trim().min(1, 'tenant (id or slug) is required').max(100) })

/** `GET /api/announcements/banners?tenant=<id or slug>`: the site's current banners for the caller (private, never cached). */
export const siteBannersEndpoint: Endpoint = {
  path: '/banners',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const { tenant } = bannersQuery.parse({ tenant: req.searchParams.get('tenant') ?? '' })
      const reply = await siteBanners(req, tenant)
      return Response.json(reply, { headers: { 'cache-control': 'private, no-store' } })
    },
    { transaction: false },
  ),
}

/** `POST /api/announcements/:id/dismiss`: the signed-in member hides it (idempotent). */
export const dismissAnnouncementEndpoint: Endpoint = {
  path: '/:id/dismiss',
  method: 'post',
  handler: endpointHandler(async (req) => dismissAnnouncement(req, String(req.routeParams?.id ?? '')), {
    status: 200,
    requireUser: true,
  }),
}
