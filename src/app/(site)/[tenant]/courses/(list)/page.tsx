import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { hasCollection } from '@/core'
import { ACCESS_FILTERS, coursePath, readCatalog, type AccessFilter, type CatalogItem } from '../../_lib/courses'
import { money } from '../../_lib/format'
import { one } from '../../_lib/messages'
import type { SitePageProps } from '../../_lib/pageProps'
import { href, loadSite, payloadInstance } from '../../_lib/site'

/** Filtered by the query string; public data only, read as a visitor. */
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return { title: 'Courses', description: `Courses and on-demand classes from ${site.name}.` }
}

const TYPE_LABEL: Record<string, string> = { video: 'Video', audio: 'Audio', written: 'Article' }

const itemAccess = (item: CatalogItem) =>
  item.visibility === 'public'
    ? 'Free'
    : item.visibility === 'members_only'
      ? 'Members'
      : item.price
        ? money(item.price)
        : 'Paid'

/** The tenant's courses and its on-demand catalog (004), filtered by category and by access (free / paid / members). */
export default async function CoursesPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  if (!hasCollection(await payloadInstance(), 'courses')) notFound()
  const query = await searchParams
  const access = (Object.keys(ACCESS_FILTERS) as AccessFilter[]).find((key) => key === one(query.access)) ?? ''
  const category = one(query.category).slice(0, 120)
  const catalog = await readCatalog(site, { access, category })
  const filtered = Boolean(access || category)

  return (
    <>
      <h1>Courses</h1>
      <p className="lead">Learn at your own pace: courses that build week by week, and classes to play any time.</p>

      <form method="get" action={href(site, '/courses')} className="filters catalog-filters" role="search">
        <div className="field">
          <label htmlFor="catalog-category">Category</label>
          <select id="catalog-category" name="category" defaultValue={category}>
            <option value="">All categories</option>
            {catalog.categories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalog-access">Access</label>
          <select id="catalog-access" name="access" defaultValue={access}>
            <option value="">Any access</option>
            {(Object.entries(ACCESS_FILTERS) as [AccessFilter, string][]).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Filter
        </button>
        {filtered ? <a href={href(site, '/courses')}>Clear filters</a> : null}
      </form>

      <section aria-labelledby="courses-title">
        <h2 id="courses-title">Courses</h2>
        {/* ---- series ---- */}
        {catalog.courses.some((course) => course.kind === 'series') ? (
          <p>
            <a href={href(site, '/series')}>All series</a>: collections to follow in order.
          </p>
        ) : null}
        {/* ---- /series ---- */}
        {catalog.courses.length === 0 ? (
          <p className="muted">{filtered ? 'No course matches these filters.' : 'No courses yet.'}</p>
        ) : (
          <ul className="cards course-cards">
            {catalog.courses.map((course) => (
              <li key={course.id} className="card course-card" data-course={course.slug}>
                <p className="muted kind">
                  {course.kind === 'series' ? 'Series' : 'Course'}
                  {course.deliveryMode === 'drip' ? ' · one lesson a day' : ''}
                </p>
                <h3>
                  <a href={href(site, coursePath(course))}>{course.title}</a>
                </h3>
                {course.description ? <p>{course.description}</p> : null}
                <p className="price">
                  <strong>{course.price ? money(course.price) : 'Free'}</strong>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="library-title">
        <h2 id="library-title">On demand</h2>
        {catalog.items.length === 0 ? (
          <p className="muted">{filtered ? 'Nothing in the library matches these filters.' : 'Nothing here yet.'}</p>
        ) : (
          <ul className="cards library-cards">
            {catalog.items.map((item) => (
              <li key={item.id} className="card library-card" data-item={item.title}>
                <p className="muted kind">
                  {TYPE_LABEL[item.contentType] ?? item.contentType}
                  {item.category ? ` · ${item.category}` : ''}
                </p>
                <h3>{item.title}</h3>
                {item.description ? <p>{item.description}</p> : null}
                <p>
                  <span className={`badge badge-access-${item.visibility}`}>{itemAccess(item)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
