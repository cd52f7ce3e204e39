import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { faqPageJsonLd } from '@plugins/website/contract'
import { absoluteMediaUrl, imageOf, lexicalText } from '../_lib/blog'
import { LivePreviewRefresh } from '../_lib/LivePreviewRefresh'
import { adminOrigin, PageBlocks } from '../_lib/PageBlocks'
import { loadBlockData, loadPage } from '../_lib/pages'
import { previewViewer } from '../_lib/preview'
import { loadSite } from '../_lib/site'
import { canonicalUrl, JsonLdScript } from '../_lib/structuredData'

/**
 * A tenant's own page (`pages`), built of blocks. Cached; saving, publishing or deleting a page
 * drops the tenant's cached pages (`forgetSitePages` → `site:<tenant>`, carried through `loadSite`),
 * and a schedule teaser also ties it to `site:<tenant>:schedule`. Visitors see the published
 * version only; staff in draft mode (the admin's live preview) see the latest draft.
 */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; page: string }> }

const load = async (tenant: string, slug: string) => {
  const site = await loadSite(tenant)
  if (!site) return null
  const preview = await previewViewer(site)
  const page = await loadPage(site, decodeURIComponent(slug), preview)
  return page ? { site, page, preview } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, page: slug } = await params
  const found = await load(tenant, slug)
  if (!found) return { title: 'Page not found' }
  const { site, page, preview } = found
  const url = await canonicalUrl(site, `/${page.slug}`)
  const title = page.meta?.title?.trim() || page.title
  const description = page.meta?.description?.trim() || undefined
  const image = imageOf(page.meta?.image)
  return {
    title: page.meta?.title?.trim() ? { absolute: title } : title,
    description,
    alternates: { canonical: url },
    robots: preview ? { index: false, follow: false } : undefined,
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

export default async function SitePage({ params }: Props) {
  const { tenant, page: slug } = await params
  const found = await load(tenant, slug)
  if (!found) notFound()
  const { site, page, preview } = found
  if (!site.open) return null
  const layout = page.layout ?? []
  const data = await loadBlockData(site, layout)
  const faqs = [...data.faqs.values()].flat()
  const jsonLd = faqs.length
    ? faqPageJsonLd(faqs.map((faq) => ({ question: faq.question, answer: lexicalText(faq.answer) })))
    : null
  const hasHero = layout.some((block) => block.blockType === 'hero')
  return (
    <article
      className="site-page"
      aria-label={hasHero ? page.title : undefined}
      aria-labelledby={hasHero ? undefined : 'page-title'}
    >
      {preview ? (
        <>
          <LivePreviewRefresh serverUrl={adminOrigin()} />
          <p className="notice" role="status">
            Preview: {page._status === 'published' ? 'the latest version' : 'an unpublished draft'} of this page.
          </p>
        </>
      ) : null}
      <JsonLdScript data={jsonLd} />
      {hasHero ? null : <h1 id="page-title">{page.title}</h1>}
      <PageBlocks site={site} layout={layout} data={data} />
    </article>
  )
}
