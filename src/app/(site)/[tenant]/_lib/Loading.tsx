/**
 * Shown while a page's data loads. Only pages that never answer 404 have a loading boundary
 * (`schedule/`, `account/`): once a boundary streams, a later `notFound()` can no longer set the
 * 404 status, and class pages must answer 404 for ids of other tenants.
 */
export const Loading = () => (
  <p className="muted" role="status" aria-live="polite">
    Loading…
  </p>
)
