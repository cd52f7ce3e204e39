import type { Metadata } from 'next'
import { blogListMetadata, blogViewOf, renderBlogList } from '../../../_lib/BlogListPage'

/** Page n (≥ 2) of the blog, cached per page; 404 past the last page. */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; n: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, n } = await params
  return blogListMetadata(tenant, blogViewOf({ page: n }))
}

export default async function BlogPageN({ params }: Props) {
  const { tenant, n } = await params
  return renderBlogList({ tenant, view: blogViewOf({ page: n }) })
}
