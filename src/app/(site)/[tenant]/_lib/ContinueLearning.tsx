import { hasCollection } from '@/core'
import { offersLearning, readOutline } from './courses'
import { href, payloadInstance, type Site } from './site'
import type { Visitor } from './visitor'

/**
 * The account's "Continue where you left off": the member's active enrolments (read with their own
 * access), each with its progress and a link to the next open lesson (the course's outline as them).
 * Nothing when the lms plugin is not installed.
 */
export async function ContinueLearning({
  site,
  visitor,
}: {
  site: Site
  visitor: Visitor & { membership: NonNullable<Visitor['membership']> }
}) {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'course-enrollments') || !(await offersLearning(site))) return null
  const { docs } = await payload.find({
    collection: 'course-enrollments',
    where: { and: [{ member: { equals: visitor.membership.id } }, { status: { in: ['active', 'completed'] } }] },
    sort: '-updatedAt',
    limit: 10,
    depth: 0,
    overrideAccess: false,
    user: visitor.user,
  })
  const rows = (
    await Promise.all(
      docs.map(async (doc) => readOutline(typeof doc.course === 'object' ? doc.course.id : doc.course, visitor.user)),
    )
  ).filter((outline) => outline !== null)
  return (
    <section aria-labelledby="learning-title">
      <h2 id="learning-title">Continue where you left off</h2>
      {rows.length === 0 ? (
        <p className="muted">
          You are not enrolled in a course yet. <a href={href(site, '/courses')}>See the courses</a>
        </p>
      ) : (
        <ul className="bookings">
          {rows.map((outline) => {
            const page = href(site, `/courses/${outline.course.slug}`)
            const pct = outline.enrollment?.progressPct ?? 0
            return (
              <li key={outline.course.id} className="booking-row learning-row">
                <span className="booking-title">
                  <a href={page}>{outline.course.title}</a>
                </span>
                <span className="progress-line">
                  <progress max={100} value={pct} aria-label={`Progress in ${outline.course.title}`}>
                    {pct}%
                  </progress>
                  <span>{pct}%</span>
                </span>
                {outline.next ? (
                  <a href={`${page}/${outline.next}`} aria-label={`Continue ${outline.course.title}`}>
                    Continue
                  </a>
                ) : (
                  <span className="muted">
                    {outline.enrollment?.status === 'completed' ? 'Completed' : 'Up to date'}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
