import type { Metadata } from 'next'
import { blogListMetadata, blogViewOf, renderBlogList } from '../../../_lib/BlogListPage'

/** A topic's posts, cached per topic; 404 for a topic none of the tenant's published posts has. */
export const revalidate = 300
/** No path is built ahead: each is rendered on its first visit, then served from the cache (on-demand ISR). */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; topic: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, topic } = await params
  return blogListMetadata(tenant, blogViewOf({ topic }))
}

export default async function BlogTopicPage({ params }: Props) {
  const { tenant, topic } = await params
  return renderBlogList({ tenant, view: blogViewOf({ topic }) })
}
