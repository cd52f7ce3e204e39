import type { BlogListItem, BlogListReply } from '@plugins/website/contract'
import { day } from './format'
import { href, type Site } from './site'

/** Posts as cards: hero image, title (linking to the post), date in the tenant's zone, author, excerpt. */
export function BlogPostList({ site, posts }: { site: Site; posts: BlogListItem[] }) {
  return (
    <ul className="blog-list">
      {posts.map((post) => (
        <li key={post.id} className="card blog-card" data-post={post.slug}>
          {post.heroImage ? (
            // eslint-disable-next-line @next/next/no-img-element -- the tenant's own uploads, sized by the card
            <img
              className="blog-card-image"
              src={post.heroImage.url}
              alt=""
              width={post.heroImage.width ?? undefined}
              height={post.heroImage.height ?? undefined}
              loading="lazy"
            />
          ) : null}
          <div className="blog-card-text">
            <h2 className="card-title">
              <a href={href(site, `/blog/${post.slug}`)}>{post.title}</a>
            </h2>
            <p className="muted blog-byline">
              {post.publishedAt ? (
                <time dateTime={post.publishedAt}>{day(post.publishedAt, site.tenant.timezone)}</time>
              ) : null}
              {post.author ? (
                <>
                  {post.publishedAt ? ' · ' : ''}
                  <a href={href(site, `/blog/author/${post.author.id}`)}>{post.author.name}</a>
                </>
              ) : null}
              {post.topic ? <> · {post.topic.name}</> : null}
            </p>
            {post.excerpt ? <p>{post.excerpt}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  )
}

/** The link of page `page` of a listing whose first page is `path`: `<path>/page/<n>` past the first (`blogView.ts`). */
export const pageHref = (path: string, page: number) => (page > 1 ? `${path.replace(/\/$/, '')}/page/${page}` : path)

/** Previous / next page links (as `<a rel>` and hoisted `<link rel>` for crawlers). */
export function Pagination({ list, path }: { list: Pick<BlogListReply, 'page' | 'totalPages'>; path: string }) {
  if (list.totalPages <= 1) return null
  const prev = list.page > 1 ? pageHref(path, list.page - 1) : null
  const next = list.page < list.totalPages ? pageHref(path, list.page + 1) : null
  return (
    <nav className="week-nav pagination" aria-label="Pages of posts">
      {prev ? <link rel="prev" href={prev} /> : null}
      {next ? <link rel="next" href={next} /> : null}
      {prev ? (
        <a href={prev} rel="prev">
          <span aria-hidden="true">←</span> Newer posts
        </a>
      ) : (
        <span />
      )}
      <span className="muted">
        Page {list.page} of {list.totalPages}
      </span>
      {next ? (
        <a href={next} rel="next">
          Older posts <span aria-hidden="true">→</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
