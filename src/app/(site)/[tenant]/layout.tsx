import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { CSSProperties, ReactNode } from 'react'
import { hasCollection } from '@/core'
import { logout } from './_lib/actions'
import { hasBays } from './_lib/bays'
import { websiteContent } from './_lib/blog'
import { offersLearning } from './_lib/courses'
import { NotificationsLink } from './_lib/NotificationsLink'
// ---- pages ----
import { navPages } from './_lib/pages'
// ---- /pages ----
import { href, loadSite, payloadInstance } from './_lib/site'
import { SiteBanners } from './_lib/SiteBanners'
import { VisitorProvider, VisitorSwitch } from './_lib/VisitorState'

/** Pages are rendered on demand per tenant (none at build time) and cached where they allow it. */
export const generateStaticParams = async (): Promise<{ tenant: string }[]> => []

type Params = { params: Promise<{ tenant: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return { title: 'Page not found' }
  return {
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.heroSubtitle ?? site.heroTitle ?? `${site.name} on Atrium.`,
  }
}

/**
 * A tenant's website (path-based: `/<slug>/...`): branded header, nav, footer. It reads no
 * cookie, so the pages below it can be cached: who is signed in comes from `/<slug>/session`.
 */
export default async function TenantLayout({ children, params }: Params & { children: ReactNode }) {
  const site = await loadSite((await params).tenant)
  if (!site) notFound()
  const payload = await payloadInstance()
  const offers = {
    events: hasCollection(payload, 'events'),
    appointments: hasCollection(payload, 'appointment-services'),
    pricing: hasCollection(payload, 'membership-plans') || hasCollection(payload, 'products'),
    bays: await hasBays(site),
    courses: await offersLearning(site),
    notifications: hasCollection(payload, 'notifications'),
    announcements: hasCollection(payload, 'announcements'),
  }
  const website = await websiteContent(site)
  // ---- pages ----
  const pages = await navPages(site)
  // ---- /pages ----
  const style = site.primaryColor ? ({ '--brand': site.primaryColor } as CSSProperties) : undefined
  return (
    <VisitorProvider sessionUrl={href(site, '/session')}>
      <div className="site" style={style}>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap site-header-inner">
            <a className="brand" href={href(site)}>
              {site.name}
            </a>
            {site.open ? (
              <nav aria-label="Main">
                <ul>
                  <li>
                    <a href={href(site)}>Home</a>
                  </li>
                  <li>
                    <a href={href(site, '/schedule')}>Schedule</a>
                  </li>
                  {offers.events ? (
                    <li>
                      <a href={href(site, '/events')}>Events</a>
                    </li>
                  ) : null}
                  {offers.bays ? (
                    <li>
                      <a href={href(site, '/bays')}>Book a bay</a>
                    </li>
                  ) : null}
                  {offers.appointments ? (
                    <li>
                      <a href={href(site, '/appointments')}>Appointments</a>
                    </li>
                  ) : null}
                  {offers.courses ? (
                    <li>
                      <a href={href(site, '/courses')}>Courses</a>
                    </li>
                  ) : null}
                  {offers.pricing ? (
                    <li>
                      <a href={href(site, '/pricing')}>Pricing</a>
                    </li>
                  ) : null}
                  {website.blog ? (
                    <li>
                      <a href={href(site, '/blog')}>Blog</a>
                    </li>
                  ) : null}
                  {website.faq ? (
                    <li>
                      <a href={href(site, '/faq')}>FAQ</a>
                    </li>
                  ) : null}
                  {website.gallery ? (
                    <li>
                      <a href={href(site, '/gallery')}>Gallery</a>
                    </li>
                  ) : null}
                  {/* ---- pages ---- */}
                  {pages.map((page) => (
                    <li key={page.slug}>
                      <a href={href(site, `/${page.slug}`)}>{page.title}</a>
                    </li>
                  ))}
                  {/* ---- /pages ---- */}
                  <VisitorSwitch
                    member={
                      <>
                        <li>
                          <a href={href(site, '/account')}>Account</a>
                        </li>
                        {offers.notifications ? (
                          <li>
                            <NotificationsLink href={href(site, '/account/notifications')} />
                          </li>
                        ) : null}
                        <li>
                          <form action={logout}>
                            <input type="hidden" name="site" value={site.key} />
                            <button type="submit" className="link-button">
                              Log out
                            </button>
                          </form>
                        </li>
                      </>
                    }
                    anonymous={
                      <>
                        <li>
                          <a href={href(site, '/login')}>Log in</a>
                        </li>
                        <li>
                          <a href={href(site, '/signup')}>Sign up</a>
                        </li>
                      </>
                    }
                  />
                </ul>
              </nav>
            ) : null}
          </div>
        </header>
        {site.open && offers.announcements ? (
          <SiteBanners bannersUrl={href(site, '/banners')} siteKey={site.key} />
        ) : null}
        <main id="content" className="wrap" tabIndex={-1}>
          {site.open ? (
            children
          ) : (
            <section className="notice" aria-labelledby="closed-title">
              <h1 id="closed-title">{site.name} is not taking bookings right now</h1>
              <p>
                This business has paused its online schedule. Please check back later
                {site.contactEmail ? ' or get in touch by email' : ''}.
              </p>
            </section>
          )}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              {site.name}
              {site.contactEmail ? (
                <>
                  {' · '}
                  <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
                </>
              ) : null}
              {site.contactPhone ? <> · {site.contactPhone}</> : null}
            </p>
            <p className="muted">
              Powered by <a href="/">Atrium</a>
            </p>
          </div>
        </footer>
      </div>
    </VisitorProvider>
  )
}
