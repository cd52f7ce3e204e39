import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { HomePage } from '../../_lib/HomePage'
import { loadSite } from '../../_lib/site'

/** The home page with the outcome of Stripe Checkout: the proxy serves `/<site>?checkout=<outcome>` from here. */
export const revalidate = 300
/** Views are rendered on their first visit (none at build time), then served from the cache. */
export const generateStaticParams = async (): Promise<never[]> => []

type Params = { params: Promise<{ tenant: string; outcome: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return { title: { absolute: site.heroTitle ? `${site.name} — ${site.heroTitle}` : site.name } }
}

export default async function CheckoutReturn({ params }: Params) {
  const { tenant, outcome } = await params
  if (outcome !== 'success' && outcome !== 'canceled') notFound()
  return <HomePage tenant={tenant} checkout={outcome} />
}
