import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { faqPageJsonLd } from '@plugins/website/contract'
import { lexicalText, loadFaqs } from '../_lib/blog'
import type { SitePageProps } from '../_lib/pageProps'
import { loadSite } from '../_lib/site'
import { FaqList } from '../_lib/FaqList'
import { canonicalUrl, JsonLdScript } from '../_lib/structuredData'

/** Cached; saving or deleting a FAQ drops the tenant's cached pages (`forgetSitePages` on faqs). */
export const revalidate = 300

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return {
    title: 'Frequently asked questions',
    description: `Answers to common questions about ${site.name}: classes, booking, memberships and visiting.`,
    alternates: { canonical: await canonicalUrl(site, '/faq') },
  }
}

/** The tenant's active FAQs by category (each by sortOrder), with FAQPage JSON-LD. */
export default async function FaqPage({ params }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const groups = await loadFaqs(site)
  if (groups.length === 0) notFound()
  const jsonLd = faqPageJsonLd(
    groups.flatMap((group) => group.faqs.map((faq) => ({ question: faq.question, answer: lexicalText(faq.answer) }))),
  )
  const titled = groups.length > 1 || groups[0].category !== null
  return (
    <>
      <JsonLdScript data={jsonLd} />
      <h1>Frequently asked questions</h1>
      {groups.map((group, index) => {
        const headingId = `faq-group-${index}`
        return (
          <section key={group.category ?? ''} className="faq-group" aria-labelledby={titled ? headingId : undefined}>
            {titled ? <h2 id={headingId}>{group.category ?? 'General'}</h2> : null}
            <FaqList site={site} faqs={group.faqs} />
          </section>
        )
      })}
    </>
  )
}
