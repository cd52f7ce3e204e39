/**
 * The blog's lists carry their filters in the path, so each is one page of Next's cache:
 * `/blog`, `/blog/page/2`, `/blog/topic/<id>`, `/blog/topic/<id>/page/2`, `/blog/author/<id>`,
 * `/blog/author/<id>/page/2`. The older query form (`/blog?topic=<id>&page=2`, also `category=`
 * for the topic) is answered by `src/proxy.ts` with a 308 to the path form (`blogRedirect`), and
 * so is `/page/1` (the list's first page is the bare path). Paths are site-relative (no slug or host).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const PAGE = /^[1-9]\d{0,4}$/

export type BlogView = { topic?: string; author?: string; page: number }

/** The path of a list view: its filter (a topic or an author), then `/page/<n>` past the first page. */
export const blogListPath = ({ topic, author, page }: BlogView): string => {
  const base = author ? `/blog/author/${author}` : topic ? `/blog/topic/${topic}` : '/blog'
  return page > 1 ? `${base}/page/${page}` : base
}

/** The page number of a `/page/<n>` segment: an integer of 2 to 99999, else null (not a page of the list). */
export const blogPageOf = (segment: string | undefined): number | null =>
  segment && PAGE.test(segment) && Number(segment) > 1 ? Number(segment) : null

/** The view a site-relative path shows (any `/page/<n>`, even 1), or null when it is no blog list. */
export const parseBlogPath = (path: string): (BlogView & { pageSegment: boolean }) | null => {
  const parts = path.split('/').filter(Boolean)
  if (parts[0] !== 'blog') return null
  let rest = parts.slice(1)
  const view: BlogView & { pageSegment: boolean } = { page: 1, pageSegment: false }
  if ((rest[0] === 'topic' || rest[0] === 'author') && rest[1] !== undefined) {
    const id = rest[1].toLowerCase()
    if (!UUID.test(id)) return null
    if (rest[0] === 'topic') view.topic = id
    else view.author = id
    rest = rest.slice(2)
  }
  if (rest.length === 0) return view
  if (rest.length === 2 && rest[0] === 'page' && PAGE.test(rest[1])) {
    view.page = Number(rest[1])
    view.pageSegment = true
    return view
  }
  return null
}

/**
 * Where a GET of a blog list in the query form goes (308): the path form of the same view, with
 * the query's `topic` (or `category`; an empty one clears it) and `page` (a bad one is page 1)
 * taking over the path's, other parameters kept (`search`, without `?`). Null when the request is
 * already in the path form, or no blog list.
 */
export const blogRedirect = (path: string, query: URLSearchParams): { path: string; search: string } | null => {
  const view = parseBlogPath(path)
  if (!view) return null
  const names = ['page', 'topic', 'category'].filter((name) => query.has(name))
  if (names.length === 0 && !(view.pageSegment && view.page === 1)) return null
  const next: BlogView = { topic: view.topic, author: view.author, page: view.page }
  const topic = (query.get('topic') ?? query.get('category'))?.trim().toLowerCase()
  if (topic !== undefined && !view.author) {
    next.topic = UUID.test(topic) ? topic : undefined
    next.page = 1 // another filter starts at its first page
  }
  if (query.has('page')) next.page = PAGE.test(query.get('page') ?? '') ? Number(query.get('page')) : 1
  const rest = new URLSearchParams(query)
  for (const name of names) rest.delete(name)
  return { path: blogListPath(next), search: rest.toString() }
}
