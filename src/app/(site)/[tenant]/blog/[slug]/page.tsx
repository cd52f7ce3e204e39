import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { blogPostingJsonLd } from '@plugins/website/contract'
import { absoluteMediaUrl, imageOf, loadPost, readBlogList, type PostDoc } from '../../_lib/blog'
import { day } from '../../_lib/format'
import { href, loadSite, type Site } from '../../_lib/site'
import { SiteRichText } from '../../_lib/SiteRichText'
import { LivePreviewRefresh } from '../../_lib/LivePreviewRefresh'
import { adminOrigin } from '../../_lib/PageBlocks'
import { previewViewer } from '../../_lib/preview'
import { canonicalOrigin, canonicalUrl, JsonLdScript } from '../../_lib/structuredData'

/**
 * Cached; publishing, unpublishing, editing or deleting a post drops the tenant's cached pages
 * (`forgetSitePages` on blog-posts invalidates `site:<tenant>`, which every page carries through
 * `loadSite`), and `revalidate` bounds it anyway. Drafts never show: read as a visitor.
 */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; slug: string }> }

const idOfRelation = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value ? String(value.id) : null

/** The post's author (a display name from the blog's public directory of authors), or null. */
const authorOf = async (site: Site, post: PostDoc) => {
  const id = idOfRelation(post.author)
  if (!id) return null
  const list = await readBlogList(site, { limit: 1 })
  return list?.authors.find((author) => author.id === id) ?? null
}

const load = async (tenant: string, slug: string) => {
  const site = await loadSite(tenant)
  if (!site) return null
  // ---- pages ----: staff in draft mode (the admin's live preview) see the latest draft.
  const preview = await previewViewer(site)
  const post = await loadPost(site, decodeURIComponent(slug), preview)
  return post ? { site, post, preview } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, slug } = await params
  const found = await load(tenant, slug)
  if (!found) return { title: 'Post not found' }
  const { site, post } = found
  const url = await canonicalUrl(site, `/blog/${post.slug}`)
  const title = post.meta?.title?.trim() || post.title
  const description = post.meta?.description?.trim() || post.excerpt || undefined
  const image = imageOf(post.meta?.image) ?? imageOf(post.heroImage)
  return {
    title: post.meta?.title?.trim() ? { absolute: title } : title,
    description,
    alternates: {
      canonical: url,
      types: {
        'application/rss+xml': [{ url: await canonicalUrl(site, '/blog/rss.xml'), title: `${site.name} blog` }],
      },
    },
    openGraph: {
      type: 'article',
      title,
      description,
      url,
      siteName: site.name,
      publishedTime: post.publishedAt ?? undefined,
      modifiedTime: post.updatedAt,
      images: image ? [{ url: absoluteMediaUrl(image.url), alt: image.alt ?? undefined }] : undefined,
    },
  }
}

/** One published post: hero image, title, date in the tenant's zone, author, body; BlogPosting JSON-LD. */
export default async function BlogPostPage({ params }: Props) {
  const { tenant, slug } = await params
  const found = await load(tenant, slug)
  if (!found) notFound()
  const { site, post, preview } = found
  if (!site.open) return null
  const [author, origin] = await Promise.all([authorOf(site, post), canonicalOrigin(site)])
  const url = `${origin}/blog/${post.slug}`
  const hero = imageOf(post.heroImage)
  const metaImage = imageOf(post.meta?.image) ?? hero
  const jsonLd = blogPostingJsonLd({
    headline: post.title,
    description: post.meta?.description || post.excerpt,
    datePublished: post.publishedAt ?? post.createdAt,
    dateModified: post.updatedAt,
    author: author
      ? [{ name: author.name, url: `${origin}/blog/author/${author.id}` }]
      : [{ name: site.name, url: origin, kind: 'Organization' }],
    image: metaImage ? [absoluteMediaUrl(metaImage.url)] : null,
    url,
    publisher: { name: site.name, url: origin },
  })

  return (
    <article className="blog-post" aria-labelledby="post-title">
      {preview ? (
        <>
          <LivePreviewRefresh serverUrl={adminOrigin()} />
          <p className="notice" role="status">
            Preview: {post._status === 'published' ? 'the latest version' : 'an unpublished draft'} of this post.
          </p>
        </>
      ) : null}
      <JsonLdScript data={jsonLd} />
      <p>
        <a href={href(site, '/blog')}>
          <span aria-hidden="true">←</span> All posts
        </a>
      </p>
      <h1 id="post-title">{post.title}</h1>
      <p className="muted blog-byline">
        {post.publishedAt ? (
          <time dateTime={post.publishedAt}>{day(post.publishedAt, site.tenant.timezone)}</time>
        ) : null}
        {author ? (
          <>
            {post.publishedAt ? ' · ' : ''}
            By <a href={href(site, `/blog/author/${author.id}`)}>{author.name}</a>
          </>
        ) : null}
      </p>
      {hero ? (
        // eslint-disable-next-line @next/next/no-img-element -- the tenant's own upload, at its stored size
        <img
          className="blog-hero"
          src={hero.url}
          alt={hero.alt ?? ''}
          width={hero.width ?? undefined}
          height={hero.height ?? undefined}
        />
      ) : null}
      {post.excerpt ? <p className="lead">{post.excerpt}</p> : null}
      <SiteRichText site={site} data={post.body} className="blog-body" />
      <p>
        <a href={href(site, '/blog/rss.xml')}>Follow {site.name}&apos;s blog by RSS</a>
      </p>
    </article>
  )
}
