import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } }

/** 404 for unknown tenants (`notFound()` in `[tenant]/layout.tsx`) and anything else in the site. */
export default function NotFound() {
  return (
    <main id="content" className="wrap not-found">
      <h1>Page not found</h1>
      <p>We could not find a studio or page at this address. Check the link, or browse the businesses on Atrium.</p>
      <p>
        <a className="button" href="/">
          Go to the Atrium front page
        </a>
      </p>
    </main>
  )
}
