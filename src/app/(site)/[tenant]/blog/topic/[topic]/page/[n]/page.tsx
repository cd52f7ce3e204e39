import type { Metadata } from 'next'
import { blogListMetadata, blogViewOf, renderBlogList } from '../../../../../_lib/BlogListPage'

/** Page n (≥ 2) of a topic's posts, cached per page. */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; topic: string; n: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, topic, n } = await params
  return blogListMetadata(tenant, blogViewOf({ topic, page: n }))
}

export default async function BlogTopicPageN({ params }: Props) {
  const { tenant, topic, n } = await params
  return renderBlogList({ tenant, view: blogViewOf({ topic, page: n }) })
}
