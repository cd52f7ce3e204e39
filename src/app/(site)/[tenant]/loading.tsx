/** Shown while a tenant page's data loads (streamed inside the tenant layout). */
export default function Loading() {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading…
    </p>
  )
}
