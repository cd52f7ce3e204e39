'use client'

/** A tenant page failed to render: a plain message and a retry (error boundaries are client components). */
export default function TenantError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="notice" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>This page could not be loaded just now. Please try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
      </p>
    </section>
  )
}
