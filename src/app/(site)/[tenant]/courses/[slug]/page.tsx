import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { courseIdBySlug, courseProduct, lessonState, outlineLessons, readOutline } from '../../_lib/courses'
import { buyCourse, enrolInCourse } from '../../_lib/courseActions'
import { Flash } from '../../_lib/Flash'
import { money } from '../../_lib/format'
import { one } from '../../_lib/messages'
import { href, loadSite } from '../../_lib/site'
import { isMember, loadVisitor } from '../../_lib/visitor'
import { canonicalUrl, courseOutlineJsonLd, JsonLdScript } from '../../_lib/structuredData'

/** The member's own state (enrolment, progress, lock states): rendered per request. */
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string; slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, slug } = await params
  const site = await loadSite(tenant)
  const id = site ? await courseIdBySlug(site, slug) : null
  const outline = id ? await readOutline(id, null) : null
  if (!site || !outline) return {}
  return {
    title: outline.course.title,
    description: outline.course.description ?? undefined,
    alternates: { canonical: await canonicalUrl(site, `/courses/${encodeURIComponent(outline.course.slug)}`) },
  }
}

/** A course: description, syllabus by module with each lesson's state, progress, enrol / buy / continue. */
export default async function CoursePage({ params, searchParams }: Props) {
  const { tenant, slug } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  const id = await courseIdBySlug(site, slug)
  if (!id) notFound()
  const visitor = await loadVisitor(site)
  const outline = await readOutline(id, visitor?.user ?? null)
  if (!outline) notFound()
  const query = await searchParams
  const zone = site.tenant.timezone
  const page = href(site, `/courses/${slug}`)
  const lessons = outlineLessons(outline)
  const done = lessons.filter((lesson) => lesson.completed).length
  const product = outline.course.price && !outline.access.allowed ? await courseProduct(site, id) : null
  const enrolled = Boolean(outline.enrollment)
  const pct = outline.enrollment?.progressPct ?? 0
  const jsonLd = await courseOutlineJsonLd(site, outline)

  return (
    <>
      <JsonLdScript data={jsonLd} />
      <p>
        <a href={href(site, '/courses')}>All courses</a>
      </p>
      <h1>{outline.course.title}</h1>
      {outline.course.description ? <p className="lead">{outline.course.description}</p> : null}
      <Flash
        error={one(query.error)}
        success={one(query.done) === 'enrolled' ? 'You are enrolled: the first lesson is open.' : null}
      />

      <section aria-labelledby="course-action-title" className="panel course-action">
        <h2 id="course-action-title">{enrolled ? 'Your progress' : 'Take this course'}</h2>
        {enrolled ? (
          <>
            <div className="progress-line">
              <progress id="course-progress" max={100} value={pct} aria-label="Course progress">
                {pct}%
              </progress>
              <span>
                {pct}% · {done} of {lessons.length} lessons done
              </span>
            </div>
            {outline.next ? (
              <p>
                <a className="button" href={`${page}/${outline.next}`}>
                  {done ? 'Continue' : 'Start the course'}
                </a>
              </p>
            ) : (
              <p className="muted">
                {outline.enrollment?.status === 'completed'
                  ? 'You completed this course.'
                  : 'The next lesson is not open yet.'}
              </p>
            )}
          </>
        ) : !visitor ? (
          <p>
            <strong>{outline.course.price ? money(outline.course.price) : 'Free'}</strong>{' '}
            <a className="button" href={`${href(site, '/login')}?${new URLSearchParams({ next: page })}`}>
              Log in to {outline.course.price ? 'buy' : 'enrol'}
            </a>
          </p>
        ) : !isMember(visitor) ? (
          <p>
            <a className="button" href={`${href(site, '/join')}?${new URLSearchParams({ next: page })}`}>
              Join {site.name} first
            </a>
          </p>
        ) : outline.access.allowed ? (
          <form action={enrolInCourse}>
            <input type="hidden" name="site" value={site.key} />
            <input type="hidden" name="course" value={id} />
            <input type="hidden" name="slug" value={slug} />
            <button type="submit" className="button">
              Enrol{outline.course.price ? '' : ' for free'}
            </button>
          </form>
        ) : product ? (
          <form action={buyCourse}>
            <input type="hidden" name="site" value={site.key} />
            <input type="hidden" name="course" value={id} />
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="product" value={product.id} />
            <p>
              <strong>{money(outline.course.price)}</strong>
            </p>
            <button type="submit" className="button" aria-label={`Buy ${outline.course.title}`}>
              Buy the course
            </button>
          </form>
        ) : (
          <p className="muted">Ask {site.name} how to join this course.</p>
        )}
      </section>

      <section aria-labelledby="syllabus-title">
        <h2 id="syllabus-title">Syllabus</h2>
        {outline.modules.map((part) => (
          <div key={part.id} className="course-module">
            <h3>{part.title}</h3>
            {part.description ? <p className="muted">{part.description}</p> : null}
            <ol className="lessons">
              {part.lessons.map((lesson) => {
                const state = lessonState(lesson, zone)
                return (
                  <li key={lesson.id} className="lesson-row" data-state={state.kind}>
                    {lesson.access.allowed ? (
                      <a href={`${page}/${lesson.id}`}>{lesson.title}</a>
                    ) : (
                      <span>{lesson.title}</span>
                    )}
                    <span className={`badge badge-lesson-${state.kind}`}>{state.label}</span>
                  </li>
                )
              })}
            </ol>
          </div>
        ))}
      </section>
    </>
  )
}
