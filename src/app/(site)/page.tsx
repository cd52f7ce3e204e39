import config from '@payload-config'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

/** The platform's front page: every active tenant, linking to its site. */
export default async function Home() {
  const payload = await getPayload({ config })
  const { docs } = await payload.find({
    collection: 'tenants',
    where: { status: { in: ['active', 'trial'] } },
    sort: 'name',
    limit: 100,
    depth: 0,
    overrideAccess: false,
    select: { name: true, slug: true, timezone: true },
  })
  return (
    <main>
      <h1>Atrium</h1>
      <p className="muted">Studios, clubs, coaches and creators on one platform.</p>
      <h2>Businesses</h2>
      <ul className="tenants">
        {docs.map((tenant) => (
          <li key={tenant.id}>
            <a href={`/${tenant.slug}`}>{tenant.name}</a> <span className="muted">· {tenant.timezone}</span>
          </li>
        ))}
      </ul>
      <p>
        Staff: <a href="/admin">sign in to the admin</a>.
      </p>
    </main>
  )
}
