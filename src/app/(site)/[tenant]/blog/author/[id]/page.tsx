import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { readBlogList } from '../../../_lib/blog'
import { BlogPostList, pageHref, pageParam, Pagination } from '../../../_lib/BlogPostList'
import { one } from '../../../_lib/messages'
import { href, loadSite } from '../../../_lib/site'
import { canonicalUrl } from '../../../_lib/structuredData'

/** Paged by the query string; public data only (published posts and their authors' names). */
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The author's page of posts (an author with no published post, or unknown, is not found). */
const load = async ({ params, searchParams }: Props) => {
  const { tenant, id } = await params
  const site = await loadSite(tenant)
  if (!site || !UUID.test(id)) return null
  const page = pageParam(one((await searchParams).page))
  const list = await readBlogList(site, { page, author: id })
  const author = list?.authors.find((a) => a.id === id)
  if (!list || !author || (page > 1 && page > list.totalPages)) return null
  return { site, list, author, page }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props)
  if (!found) return { title: 'Author not found' }
  const { site, author, page } = found
  return {
    title: `Posts by ${author.name}`,
    description: `Posts by ${author.name} on the ${site.name} blog.`,
    alternates: {
      canonical: pageHref(await canonicalUrl(site, `/blog/author/${author.id}`), page),
      types: {
        'application/rss+xml': [{ url: await canonicalUrl(site, '/blog/rss.xml'), title: `${site.name} blog` }],
      },
    },
  }
}

/** An instructor's or staff member's posts, newest first. */
export default async function BlogAuthorPage(props: Props) {
  const found = await load(props)
  if (!found) notFound()
  const { site, list, author } = found
  if (!site.open) return null
  return (
    <>
      <p>
        <a href={href(site, '/blog')}>
          <span aria-hidden="true">←</span> All posts
        </a>
      </p>
      <h1>Posts by {author.name}</h1>
      <p className="lead">
        {author.posts === 1 ? '1 post' : `${author.posts} posts`} on the {site.name} blog.
      </p>
      <BlogPostList site={site} posts={list.posts} />
      <Pagination list={list} path={href(site, `/blog/author/${author.id}`)} />
    </>
  )
}
