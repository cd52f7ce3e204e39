import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { readBlogList } from '../_lib/blog'
import { BlogPostList, pageHref, pageParam, Pagination } from '../_lib/BlogPostList'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite } from '../_lib/site'
import { canonicalUrl } from '../_lib/structuredData'

/** Paged and filtered by the query string; public data only (published posts), read as a visitor. */
export const dynamic = 'force-dynamic'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const filtersOf = (query: Record<string, string | string[] | undefined>) => {
  const topic = one(query.topic)
  return { page: pageParam(one(query.page)), topic: UUID.test(topic) ? topic : undefined }
}

export async function generateMetadata({ params, searchParams }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  const { page, topic } = filtersOf(await searchParams)
  const canonical = pageHref(await canonicalUrl(site, '/blog'), page, { topic })
  return {
    title: page > 1 ? `Blog, page ${page}` : 'Blog',
    description: `News, guides and stories from ${site.name}.`,
    alternates: {
      canonical,
      types: {
        'application/rss+xml': [{ url: await canonicalUrl(site, '/blog/rss.xml'), title: `${site.name} blog` }],
      },
    },
  }
}

/** The tenant's published posts, newest first, ten a page, filtered by topic. */
export default async function BlogPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const { page, topic } = filtersOf(await searchParams)
  const list = await readBlogList(site, { page, topic })
  if (!list || (page > 1 && page > list.totalPages)) notFound()
  const path = href(site, '/blog')
  const topicName = topic ? list.topics.find((t) => t.id === topic)?.name : undefined

  return (
    <>
      <h1>Blog</h1>
      <p className="lead">
        News, guides and stories from {site.name}. <a href={href(site, '/blog/rss.xml')}>Follow by RSS</a>
      </p>
      {list.topics.length > 1 ? (
        <form method="get" action={path} className="filters" role="search" aria-label="Filter posts">
          <div className="field">
            <label htmlFor="blog-topic">Topic</label>
            <select id="blog-topic" name="topic" defaultValue={topic ?? ''}>
              <option value="">All topics</option>
              {list.topics.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.posts})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            Filter
          </button>
          {topic ? <a href={path}>Clear filter</a> : null}
        </form>
      ) : null}
      {topicName ? <h2>Posts about {topicName}</h2> : null}
      {list.posts.length === 0 ? (
        <p className="muted">{topic ? 'No post on this topic yet.' : 'No posts yet.'}</p>
      ) : (
        <BlogPostList site={site} posts={list.posts} />
      )}
      <Pagination list={list} path={path} query={{ topic }} />
    </>
  )
}
