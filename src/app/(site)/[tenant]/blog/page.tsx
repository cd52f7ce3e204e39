import type { Metadata } from 'next'
import { blogListMetadata, renderBlogList } from '../_lib/BlogListPage'

/**
 * Cached (on-demand ISR) like the post pages: the list's filters and page are in the path
 * (`/blog/page/2`, `/blog/topic/<id>`, … see `src/app/(site)/blogView.ts`; the old query form is
 * redirected by the proxy). Publishing, editing or deleting a post drops it (`site:<tenant>`).
 */
export const revalidate = 300

type Props = { params: Promise<{ tenant: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return blogListMetadata((await params).tenant, { page: 1 })
}

/** The tenant's published posts, newest first, ten a page. */
export default async function BlogPage({ params }: Props) {
  return renderBlogList({ tenant: (await params).tenant, view: { page: 1 } })
}
