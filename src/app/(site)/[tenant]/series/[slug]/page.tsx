import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { CourseAction } from '../../_lib/CourseAction'
import { courseIdBySlug, courseProduct, lessonState, outlineLessons, readOutline } from '../../_lib/courses'
import { Flash } from '../../_lib/Flash'
import { one } from '../../_lib/messages'
import { href, loadSite } from '../../_lib/site'
import { loadVisitor } from '../../_lib/visitor'
import { canonicalUrl } from '../../_lib/structuredData'

/** The member's own state (enrolment, lock states): rendered per request. */
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string; slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const ITEM_TYPE: Record<string, string> = {
  video: 'Video',
  audio: 'Audio',
  text: 'Article',
  quiz: 'Quiz',
  assignment: 'Assignment',
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, slug } = await params
  const site = await loadSite(tenant)
  const id = site ? await courseIdBySlug(site, slug) : null
  const outline = id ? await readOutline(id, null) : null
  if (!site || !outline || outline.course.kind !== 'series') return {}
  return {
    title: outline.course.title,
    description: outline.course.description ?? undefined,
    alternates: { canonical: await canonicalUrl(site, `/series/${encodeURIComponent(outline.course.slug)}`) },
  }
}

/**
 * A content series: its items in order (the course outline's lessons, whatever module they sit
 * in), each with the state the lms plugin's outline gives it (open, free preview, completed, or
 * why it is locked), and the series' price with enrol / buy / continue. No access rule is decided
 * here: every state is the plugin's access decision for this visitor.
 */
export default async function SeriesPage({ params, searchParams }: Props) {
  const { tenant, slug } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  const id = await courseIdBySlug(site, slug)
  if (!id) notFound()
  const visitor = await loadVisitor(site)
  const outline = await readOutline(id, visitor?.user ?? null)
  if (!outline) notFound()
  if (outline.course.kind !== 'series') redirect(href(site, `/courses/${encodeURIComponent(slug)}`))
  const query = await searchParams
  const zone = site.tenant.timezone
  const items = outlineLessons(outline)
  const product = outline.course.price && !outline.access.allowed ? await courseProduct(site, id) : null
  const lessonPage = href(site, `/courses/${encodeURIComponent(slug)}`)

  return (
    <>
      <p>
        <a href={href(site, '/series')}>All series</a>
      </p>
      <h1>{outline.course.title}</h1>
      <p className="muted kind">
        Series · {items.length} {items.length === 1 ? 'item' : 'items'}
      </p>
      {outline.course.description ? <p className="lead">{outline.course.description}</p> : null}
      <Flash
        error={one(query.error)}
        success={one(query.done) === 'enrolled' ? 'You are enrolled: the first item is open.' : null}
      />

      <CourseAction
        site={site}
        visitor={visitor}
        outline={outline}
        id={id}
        slug={slug}
        product={product}
        back="series"
      />

      <section aria-labelledby="series-items-title">
        <h2 id="series-items-title">In this series</h2>
        {items.length === 0 ? (
          <p className="muted">Nothing in this series yet.</p>
        ) : (
          <ol className="lessons series-items">
            {items.map((item, index) => {
              const state = lessonState(item, zone)
              const label = `${index + 1}. ${item.title}`
              return (
                <li key={item.id} className="lesson-row" data-state={state.kind}>
                  <span>
                    {item.access.allowed ? <a href={`${lessonPage}/${item.id}`}>{label}</a> : <span>{label}</span>}{' '}
                    <span className="muted">· {ITEM_TYPE[item.itemType] ?? item.itemType}</span>
                  </span>
                  <span className={`badge badge-lesson-${state.kind}`}>{state.label}</span>
                </li>
              )
            })}
          </ol>
        )}
      </section>
    </>
  )
}
