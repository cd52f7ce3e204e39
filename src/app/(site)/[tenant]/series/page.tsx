import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { hasCollection } from '@/core'
import { readSeries } from '../_lib/courses'
import { money } from '../_lib/format'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite, payloadInstance } from '../_lib/site'

/** Public data only, read as a visitor; rendered per request like the catalog. */
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return { title: 'Series', description: `Content series from ${site.name}: watch, listen and read in order.` }
}

/** The tenant's content series (courses of kind `series`): title, description, price, each linking to its page. */
export default async function SeriesListPage({ params }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  if (!hasCollection(await payloadInstance(), 'courses')) notFound()
  const series = await readSeries(site)
  return (
    <>
      <p>
        <a href={href(site, '/courses')}>All courses</a>
      </p>
      <h1>Series</h1>
      <p className="lead">Collections to follow in order, one item after the next.</p>
      {series.length === 0 ? (
        <p className="muted">No series yet.</p>
      ) : (
        <ul className="cards course-cards">
          {series.map((item) => (
            <li key={item.id} className="card course-card" data-series={item.slug}>
              <p className="muted kind">Series{item.deliveryMode === 'drip' ? ' · one item a day' : ''}</p>
              <h2 className="card-title">
                <a href={href(site, `/series/${encodeURIComponent(item.slug)}`)}>{item.title}</a>
              </h2>
              {item.description ? <p>{item.description}</p> : null}
              <p className="price">
                <strong>{item.price ? money(item.price) : 'Free'}</strong>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
