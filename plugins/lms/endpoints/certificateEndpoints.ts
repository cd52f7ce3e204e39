import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler } from '@/core'
import { ownCertificate, verifyCertificate } from '../operations/certificates'
import { minimalPdf } from '../operations/minimalPdf'
import { idParam } from './schemas'

const codeParam = z.object({ code: z.string().regex(/^[A-F0-9]{20}$/, 'must be a certificate code') })

/** GET /api/certificates/:code/verify (public) → 200 { code, memberName, course, tenant, issuedAt } | 404. */
export const verifyCertificateEndpoint: Endpoint = {
  path: '/:code/verify',
  method: 'get',
  handler: endpointHandler(async (req) => verifyCertificate(req, codeParam.parse(req.routeParams).code), {
    status: 200,
  }),
}

/** GET /api/certificates/:id/pdf (the owner) → 200 application/pdf; 404 for anyone else. */
export const certificatePdfEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const c = await ownCertificate(req, idParam.parse(req.routeParams).id)
      const pdf = minimalPdf([
        { text: 'Certificate of completion', size: 32, y: 420 },
        { text: c.memberName, size: 24, y: 350 },
        { text: `completed ${c.course}`, size: 18, y: 300 },
        { text: `${c.tenant} - ${c.issuedAt.slice(0, 10)}`, size: 14, y: 250 },
        { text: `Verify: /api/certificates/${c.code}/verify`, size: 10, y: 120 },
      ])
      return new Response(new Uint8Array(pdf), {
        status: 200,
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="certificate-${c.code}.pdf"`,
          'cache-control': 'private, no-store',
        },
      })
    },
    { status: 200, requireUser: true },
  ),
}
