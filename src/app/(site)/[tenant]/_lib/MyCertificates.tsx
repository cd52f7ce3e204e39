import { hasCollection } from '@/core'
import { day } from './format'
import { href, payloadInstance, type Site } from './site'
import type { Visitor } from './visitor'

/**
 * The account's certificates: the member's own (read with their access), each with its course,
 * issue date, a link to the public verification page and the PDF. Nothing when the lms plugin is
 * not installed or there is none.
 */
export async function MyCertificates({
  site,
  visitor,
}: {
  site: Site
  visitor: Visitor & { membership: NonNullable<Visitor['membership']> }
}) {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'certificates')) return null
  const { docs } = await payload.find({
    collection: 'certificates',
    where: { member: { equals: visitor.membership.id } },
    sort: '-issuedAt',
    limit: 50,
    depth: 1,
    overrideAccess: false,
    user: visitor.user,
  })
  if (docs.length === 0) return null
  return (
    <section aria-labelledby="certificates-title">
      <h2 id="certificates-title">Certificates</h2>
      <ul className="bookings">
        {docs.map((doc) => {
          const course = typeof doc.course === 'object' ? doc.course.title : 'Course'
          return (
            <li key={doc.id} className="booking-row">
              <span className="booking-title">{course}</span>
              <span>Issued {day(doc.issuedAt, site.tenant.timezone)}</span>
              <a href={href(site, `/certificates/${doc.code}`)} aria-label={`Verification page of ${course}`}>
                Verify
              </a>
              <a href={`/api/certificates/${doc.id}/pdf`} aria-label={`PDF certificate of ${course}`}>
                PDF
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
