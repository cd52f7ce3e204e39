import { siteTag } from '@/core'
import type { Metadata } from 'next'
import { money } from '../../_lib/format'
import { guestMayBook, guestOptions } from '../../_lib/guestOptions'
import type { SitePageProps } from '../../_lib/pageProps'
import { loadServices, serviceLocation, servicePrice } from '../../_lib/services'
import { href, loadSite, showsTags } from '../../_lib/site'

/** Cached; re-rendered when a service or the tenant's settings change. */
export const revalidate = 300

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return { title: 'Appointments', description: `Book a private session or a consultation at ${site.name}.` }
}

const MODE: Record<string, string> = { in_person: 'In person', virtual: 'Online', hybrid: 'In person or online' }

/** The tenant's appointment services, each linking to its booking page. */
export default async function AppointmentsPage({ params }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  await showsTags(siteTag(site.tenant.id, 'services'))
  const [services, guestsMay] = await Promise.all([loadServices(site).then((list) => list ?? []), guestOptions(site)])
  return (
    <>
      <h1>Appointments</h1>
      <p className="lead">Book time one to one: pick a service, then a free time that suits you.</p>
      {services.length === 0 ? (
        <p className="muted">There are no appointments to book online right now.</p>
      ) : (
        <ul className="cards">
          {services.map((service) => {
            const price = servicePrice(service)
            const location = serviceLocation(site, service)
            return (
              <li key={service.id} className="card service-card">
                <h2 className="card-title">
                  <a href={href(site, `/appointments/${service.id}`)}>{service.title}</a>
                </h2>
                {service.description ? <p>{service.description}</p> : null}
                <p className="muted">
                  {service.durationMinutes} minutes ·{' '}
                  {MODE[service.deliveryMode ?? 'in_person'] ?? service.deliveryMode}
                  {location && service.deliveryMode !== 'virtual' ? ` · ${location.name}` : ''}
                </p>
                {guestMayBook(guestsMay, service) ? <p className="badge badge-open">No account needed</p> : null}
                <p>
                  <strong>
                    {price
                      ? money(price)
                      : service.creditCost
                        ? `${service.creditCost} ${service.creditCost === 1 ? 'credit' : 'credits'}`
                        : 'Free'}
                  </strong>
                </p>
                <p>
                  <a
                    className="button"
                    href={href(site, `/appointments/${service.id}`)}
                    aria-label={`See free times for ${service.title}`}
                  >
                    See free times
                  </a>
                </p>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}
