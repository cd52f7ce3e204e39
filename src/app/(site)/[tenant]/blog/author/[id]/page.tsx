import type { Metadata } from 'next'
import { blogListMetadata, blogViewOf, renderBlogList } from '../../../_lib/BlogListPage'

/**
 * An author's (instructor's or staff member's) published posts, newest first; cached per author
 * and page (`/blog/author/<id>/page/2`), 404 for an author without published posts here.
 */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, id } = await params
  return blogListMetadata(tenant, blogViewOf({ author: id }))
}

export default async function BlogAuthorPage({ params }: Props) {
  const { tenant, id } = await params
  return renderBlogList({ tenant, view: blogViewOf({ author: id }) })
}
