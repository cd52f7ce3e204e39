import type { Metadata } from 'next'
import { blogListMetadata, blogViewOf, renderBlogList } from '../../../../../_lib/BlogListPage'

/** Page n (≥ 2) of an author's posts, cached per page. */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; id: string; n: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, id, n } = await params
  return blogListMetadata(tenant, blogViewOf({ author: id, page: n }))
}

export default async function BlogAuthorPageN({ params }: Props) {
  const { tenant, id, n } = await params
  return renderBlogList({ tenant, view: blogViewOf({ author: id, page: n }) })
}
