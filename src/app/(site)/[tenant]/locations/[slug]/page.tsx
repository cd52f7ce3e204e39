import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { hasBays } from '../../_lib/bays'
import { absoluteMediaUrl, imageOf } from '../../_lib/blog'
import { when } from '../../_lib/format'
import { loadLocation, upcomingClassesAt } from '../../_lib/locations'
import { openingHoursOf } from '../../_lib/openingHours'
import { href, loadSite } from '../../_lib/site'
import { canonicalOrigin, canonicalUrl, JsonLdScript, locationJsonLd } from '../../_lib/structuredData'

/**
 * A real location of the tenant (`/<slug>/locations/<location slug>`): address, opening hours, its
 * next classes and its LocalBusiness JSON-LD; canonical on the tenant's domain. An unknown or
 * inactive slug is a 404 (no doorway pages). Cached; saving a location drops the tenant's pages,
 * a schedule change its schedule pages.
 */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; slug: string }> }

const load = async (tenant: string, slug: string) => {
  const site = await loadSite(tenant)
  if (!site) return null
  const location = await loadLocation(site, decodeURIComponent(slug))
  return location ? { site, location } : null
}

const addressLines = (address: { [k: string]: string | null | undefined } | null | undefined) =>
  [
    address?.line1,
    address?.line2,
    [address?.city, address?.region, address?.postalCode].filter(Boolean).join(', '),
    address?.country,
  ].filter((line): line is string => Boolean(line))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, slug } = await params
  const found = await load(tenant, slug)
  if (!found) return { title: 'Location not found' }
  const { site, location } = found
  const url = await canonicalUrl(site, `/locations/${location.slug}`)
  const title = location.meta?.title?.trim() || `${site.name} — ${location.name}`
  const city = location.address?.city
  const description =
    location.meta?.description?.trim() ||
    `${site.name} at ${location.name}${city ? `, ${city}` : ''}: address, opening hours and the classes coming up.`
  const image = imageOf(location.meta?.image)
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'website',
      title,
      description,
      url,
      siteName: site.name,
      images: image ? [{ url: absoluteMediaUrl(image.url), alt: image.alt ?? undefined }] : undefined,
    },
  }
}

export default async function LocationPage({ params }: Props) {
  const { tenant, slug } = await params
  const found = await load(tenant, slug)
  if (!found) notFound()
  const { site, location } = found
  if (!site.open) return null
  const [origin, classes, bays] = await Promise.all([
    canonicalOrigin(site),
    upcomingClassesAt(site, location.id),
    hasBays(site),
  ])
  const hours = openingHoursOf(location)
  const timezone = location.timezone || site.tenant.timezone
  const jsonLd = locationJsonLd(
    site,
    { id: location.id, name: location.name, address: location.address ?? null, openingHours: hours },
    { origin, bays, url: `${origin}/locations/${location.slug}` },
  )
  const lines = addressLines(location.address)
  return (
    <article className="location-page" aria-labelledby="location-title">
      <JsonLdScript data={jsonLd} />
      <h1 id="location-title">{location.name}</h1>
      <section aria-labelledby="location-address">
        <h2 id="location-address">Address</h2>
        {lines.length ? (
          <address>
            {lines.map((line) => (
              <span key={line} className="line">
                {line}
              </span>
            ))}
          </address>
        ) : (
          <p className="muted">Address to follow.</p>
        )}
        <p className="muted">Times are in {timezone.replace(/_/g, ' ')} time.</p>
        {site.contactPhone || site.contactEmail ? (
          <p>
            {site.contactPhone ? <>Phone: {site.contactPhone}</> : null}
            {site.contactPhone && site.contactEmail ? ' · ' : null}
            {site.contactEmail ? <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a> : null}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="location-hours">
        <h2 id="location-hours">Opening hours</h2>
        {hours.length ? (
          <dl className="facts">
            {hours.map((row, index) => (
              <div key={index}>
                <dt>{row.days.join(', ')}</dt>
                <dd>
                  {row.opens}–{row.closes}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">Open for scheduled classes; see the times below.</p>
        )}
      </section>
      <section aria-labelledby="location-classes">
        <h2 id="location-classes">Classes coming up here</h2>
        {classes.length ? (
          <ul className="plain-list">
            {classes.map((entry) => (
              <li key={entry.id}>
                <a href={href(site, `/classes/${entry.id}`)}>{entry.title}</a>
                {' · '}
                <time dateTime={entry.startTime}>{when(entry.startTime, entry.timezone)}</time>
                {entry.instructor?.name ? ` · with ${entry.instructor.name}` : ''}
                {entry.spotsLeft > 0
                  ? ` · ${entry.spotsLeft} ${entry.spotsLeft === 1 ? 'spot' : 'spots'} left`
                  : ' · Full'}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No classes here in the next two weeks.</p>
        )}
        <p>
          <a href={href(site, '/schedule')}>See the full schedule</a>
        </p>
      </section>
    </article>
  )
}
