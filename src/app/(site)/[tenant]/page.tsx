import type { Metadata } from 'next'
import { HomePage } from './_lib/HomePage'
import { loadSite } from './_lib/site'

/** Cached; `siteChanged` re-renders it when the tenant's settings or locations change. */
export const revalidate = 300

type Params = { params: Promise<{ tenant: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return { title: { absolute: site.heroTitle ? `${site.name} — ${site.heroTitle}` : site.name } }
}

export default async function TenantHome({ params }: Params) {
  return <HomePage tenant={(await params).tenant} />
}
