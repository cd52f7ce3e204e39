/**
 * 404 inside a tenant's site, under the tenant's header: only class pages call `notFound()` here
 * (an unknown class id, or an id of another tenant edited into the URL), so `../schedule` is the
 * tenant's schedule in both the path form and on the tenant's own host.
 */
export default function TenantNotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>We could not find this page. It may have been removed, or the link may be wrong.</p>
      <p>
        <a href="../schedule">See the schedule</a>
      </p>
    </section>
  )
}
