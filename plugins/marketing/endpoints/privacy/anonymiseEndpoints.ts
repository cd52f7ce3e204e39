import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { anonymiseLead, anonymiseMember } from '../../operations/privacy/anonymise'

/**
 * mkt_rest: GDPR erasure for staff (owner or admin of the tenant): thin endpoints over the
 * anonymise operations (see README "Anonymisation"). 401 signed out, 403 other staff of the
 * tenant, 404 another tenant's person or an unknown id; a repeat answers `already_anonymised`.
 */
export const anonymiseEndpoints: Endpoint[] = [
  {
    path: '/privacy/members/:id/anonymise',
    method: 'post',
    handler: endpointHandler(async (req) => anonymiseMember(req, String(req.routeParams?.id ?? '')), {
      requireUser: true,
    }),
  },
  {
    path: '/privacy/leads/:id/anonymise',
    method: 'post',
    handler: endpointHandler(async (req) => anonymiseLead(req, String(req.routeParams?.id ?? '')), {
      requireUser: true,
    }),
  },
]
