import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { CertificateVerifyReply } from '@plugins/lms/contract'
import { callEndpoint } from '../../_lib/callEndpoint'
import { day } from '../../_lib/format'
import { loadSite, type Site } from '../../_lib/site'

/** Read per request: a code is checked against the certificates as they are now. */
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ tenant: string; code: string }> }

/** The certificate behind a code (`GET /api/certificates/:code/verify`, public), if it is this business's. */
const verify = async (site: Site, code: string): Promise<CertificateVerifyReply | null> => {
  if (!/^[0-9a-f]{6,64}$/i.test(code)) return null
  const answer = await callEndpoint<CertificateVerifyReply>({
    collection: 'certificates',
    path: '/:code/verify',
    method: 'get',
    routeParams: { code },
    user: null,
  })
  return answer.ok && answer.body.tenant === site.tenant.name ? answer.body : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, code } = await params
  const site = await loadSite(tenant)
  const cert = site ? await verify(site, code) : null
  return cert ? { title: `Certificate: ${cert.course}`, robots: { index: false } } : {}
}

/** A public, verifiable certificate page: who completed which course of this business, and when. */
export default async function CertificatePage({ params }: Props) {
  const { tenant, code } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  const cert = await verify(site, code)
  if (!cert) notFound()
  return (
    <article className="panel" aria-labelledby="certificate-title">
      <p className="muted">Certificate of completion</p>
      <h1 id="certificate-title">{cert.course}</h1>
      <p>
        <strong>{cert.memberName}</strong> completed this course of {cert.tenant} on{' '}
        {day(cert.issuedAt, site.tenant.timezone)}.
      </p>
      <p className="muted">
        Verification code <code>{cert.code}</code>: this page is the proof; it shows only what is printed on the
        certificate.
      </p>
    </article>
  )
}
