import type { Metadata } from 'next'
import { HomePage } from './_lib/HomePage'
import { loadSite } from './_lib/site'
import { canonicalUrl, JsonLdScript, locationsJsonLd } from './_lib/structuredData'

/** Cached; `siteChanged` re-renders it when the tenant's settings or locations change. */
export const revalidate = 300

type Params = { params: Promise<{ tenant: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return {
    title: { absolute: site.heroTitle ? `${site.name} — ${site.heroTitle}` : site.name },
    alternates: { canonical: await canonicalUrl(site) },
  }
}

/** The home page, with the tenant's locations as LocalBusiness JSON-LD. */
export default async function TenantHome({ params }: Params) {
  const { tenant } = await params
  const site = await loadSite(tenant)
  return (
    <>
      {site?.open ? <JsonLdScript data={await locationsJsonLd(site)} /> : null}
      <HomePage tenant={tenant} />
    </>
  )
}
