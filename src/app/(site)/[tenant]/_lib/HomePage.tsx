import { Flash } from './Flash'
import { href, loadSite, localLink, type SiteLocation } from './site'

const addressLines = (address: SiteLocation['address']) =>
  [
    address?.line1,
    address?.line2,
    [address?.city, address?.region, address?.postalCode].filter(Boolean).join(', '),
    address?.country,
  ].filter((line): line is string => Boolean(line))

/**
 * A tenant's home page: hero with call to action, and its locations; `checkout` is the outcome
 * Stripe Checkout returned with (`?checkout=success|canceled`, served from `checkout/<outcome>`).
 */
export async function HomePage({ tenant, checkout }: { tenant: string; checkout?: string }) {
  const site = await loadSite(tenant)
  if (!site || !site.open) return null // the layout renders the 404 or the "closed" notice
  const ctaLink =
    site.heroCtaLink && site.heroCtaLink.startsWith('/') ? localLink(site, site.heroCtaLink) : href(site, '/schedule')
  return (
    <>
      <Flash
        success={
          checkout === 'success'
            ? 'Thank you! Your payment went through; it shows in your account in a moment.'
            : checkout === 'canceled'
              ? 'Payment cancelled: nothing was charged.'
              : null
        }
      />
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{site.heroTitle || site.name}</h1>
        {site.heroSubtitle ? <p className="lead">{site.heroSubtitle}</p> : null}
        <p>
          <a className="button" href={ctaLink}>
            {site.heroCtaLabel || 'See the schedule'}
          </a>
        </p>
      </section>
      <section aria-labelledby="locations-title">
        <h2 id="locations-title">Locations</h2>
        {site.locations.length === 0 ? (
          <p className="muted">No locations yet.</p>
        ) : (
          <ul className="cards">
            {site.locations.map((location) => (
              <li key={location.id} className="card">
                <h3>
                  {location.slug ? (
                    <a href={href(site, `/locations/${location.slug}`)}>{location.name}</a>
                  ) : (
                    location.name
                  )}
                </h3>
                <address>
                  {addressLines(location.address).map((line) => (
                    <span key={line} className="line">
                      {line}
                    </span>
                  ))}
                </address>
                <p className="muted">Time zone: {location.timezone.replace(/_/g, ' ')}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
