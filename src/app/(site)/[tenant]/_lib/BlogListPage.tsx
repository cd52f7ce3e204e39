import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { blogListPath, blogPageOf, type BlogView } from '../../blogView'
import { readBlogList } from './blog'
import { BlogPostList, Pagination } from './BlogPostList'
import { href, loadSite } from './site'
import { canonicalUrl } from './structuredData'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The view of a blog list route from its path segments (`blogView.ts`): a topic or author id
 * (lower-case UUID) and a page segment of 2 or more (`/page/1` is redirected to the bare path by
 * the proxy). Anything else is not found.
 */
export const blogViewOf = (segments: { topic?: string; author?: string; page?: string }): BlogView => {
  const view: BlogView = { page: 1 }
  for (const name of ['topic', 'author'] as const) {
    const value = segments[name]
    if (value === undefined) continue
    const id = decodeURIComponent(value).toLowerCase()
    if (!UUID.test(id)) notFound()
    view[name] = id
  }
  if (segments.page !== undefined) {
    const page = blogPageOf(segments.page)
    if (page === null) notFound()
    view.page = page
  }
  return view
}

/** The list of a view with its site (null: no site, no website plugin, a page past the last, an author without posts). */
const load = async (tenant: string, view: BlogView) => {
  const site = await loadSite(tenant)
  if (!site) return null
  const list = await readBlogList(site, view)
  if (!list || (view.page > 1 && view.page > list.totalPages)) return null
  const author = view.author ? list.authors.find((a) => a.id === view.author) : undefined
  if (view.author && !author) return null
  const topic = view.topic ? list.topics.find((t) => t.id === view.topic) : undefined
  if (view.topic && !topic) return null // no published post of this tenant has it: not a page (nor a cache entry)
  return { site, list, author, topic }
}

/** Title, description, canonical URL (the view's own path on the tenant's domain) and the RSS link. */
export const blogListMetadata = async (tenant: string, view: BlogView): Promise<Metadata> => {
  const found = await load(tenant, view)
  if (!found) return { title: view.author ? 'Author not found' : 'Blog' }
  const { site, author, topic } = found
  const paged = view.page > 1 ? `, page ${view.page}` : ''
  return {
    title: author ? `Posts by ${author.name}${paged}` : topic ? `${topic.name}: blog${paged}` : `Blog${paged}`,
    description: author
      ? `Posts by ${author.name} on the ${site.name} blog.`
      : topic
        ? `Posts about ${topic.name} from ${site.name}.`
        : `News, guides and stories from ${site.name}.`,
    alternates: {
      canonical: await canonicalUrl(site, blogListPath(view)),
      types: {
        'application/rss+xml': [{ url: await canonicalUrl(site, '/blog/rss.xml'), title: `${site.name} blog` }],
      },
    },
  }
}

/**
 * A page of the tenant's published posts, newest first, ten a page: all of them, a topic's or an
 * author's. Cached per view (the routes under `blog/` export `revalidate`); public data only, read
 * as a visitor; publishing, editing or deleting a post drops it (`site:<tenant>` through `loadSite`).
 * Called by the route pages (their content, awaited), not rendered as an element.
 */
export async function renderBlogList({ tenant, view }: { tenant: string; view: BlogView }) {
  const found = await load(tenant, view)
  if (!found) notFound()
  const { site, list, author, topic } = found
  if (!site.open) return null
  const first = href(site, blogListPath({ ...view, page: 1 }))
  const all = href(site, '/blog')

  if (author)
    return (
      <>
        <p>
          <a href={all}>
            <span aria-hidden="true">←</span> All posts
          </a>
        </p>
        <h1>Posts by {author.name}</h1>
        <p className="lead">
          {author.posts === 1 ? '1 post' : `${author.posts} posts`} on the {site.name} blog.
        </p>
        <BlogPostList site={site} posts={list.posts} />
        <Pagination list={list} path={first} />
      </>
    )

  return (
    <>
      <h1>Blog</h1>
      <p className="lead">
        News, guides and stories from {site.name}. <a href={href(site, '/blog/rss.xml')}>Follow by RSS</a>
      </p>
      {list.topics.length > 1 ? (
        // Sent as `/blog?topic=<id>`, which the proxy redirects to `/blog/topic/<id>` (works without JavaScript).
        <form method="get" action={all} className="filters" role="search" aria-label="Filter posts">
          <div className="field">
            <label htmlFor="blog-topic">Topic</label>
            <select id="blog-topic" name="topic" defaultValue={view.topic ?? ''}>
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
          {view.topic ? <a href={all}>Clear filter</a> : null}
        </form>
      ) : null}
      {topic ? <h2>Posts about {topic.name}</h2> : null}
      {list.posts.length === 0 ? (
        <p className="muted">No posts yet.</p>
      ) : (
        <BlogPostList site={site} posts={list.posts} />
      )}
      <Pagination list={list} path={first} />
    </>
  )
}
