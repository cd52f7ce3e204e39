import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { courseIdBySlug, courseProduct, lessonState, readOutline } from '../../_lib/courses'
import { CourseAction } from '../../_lib/CourseAction'
import { Flash } from '../../_lib/Flash'
import { one } from '../../_lib/messages'
import { href, loadSite } from '../../_lib/site'
import { loadVisitor } from '../../_lib/visitor'
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
  const product = outline.course.price && !outline.access.allowed ? await courseProduct(site, id) : null
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

      <CourseAction
        site={site}
        visitor={visitor}
        outline={outline}
        id={id}
        slug={slug}
        product={product}
        back="courses"
      />

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
