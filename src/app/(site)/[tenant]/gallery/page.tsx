import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { loadGallery } from '../_lib/blog'
import { GalleryList } from '../_lib/GalleryList'
import type { SitePageProps } from '../_lib/pageProps'
import { loadSite } from '../_lib/site'
import { canonicalUrl } from '../_lib/structuredData'

/** Cached; saving or deleting a gallery item drops the tenant's cached pages (`forgetSitePages`). */
export const revalidate = 300

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return {
    title: 'Gallery',
    description: `Pictures of ${site.name}: the space, classes and community.`,
    alternates: { canonical: await canonicalUrl(site, '/gallery') },
  }
}

/** The tenant's active gallery items by category (each by sortOrder), as captioned pictures. */
export default async function GalleryPage({ params }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const items = await loadGallery(site)
  if (items.length === 0) notFound()
  const categories = [...new Set(items.map((item) => item.category?.trim() || ''))]
  const titled = categories.length > 1 || categories[0] !== ''
  return (
    <>
      <h1>Gallery</h1>
      {categories.map((category, index) => {
        const headingId = `gallery-group-${index}`
        return (
          <section key={category} aria-labelledby={titled ? headingId : undefined}>
            {titled ? <h2 id={headingId}>{category || 'More'}</h2> : null}
            <GalleryList items={items.filter((item) => (item.category?.trim() || '') === category)} />
          </section>
        )
      })}
    </>
  )
}
