/**
 * 404 of a receipt (someone else's, another tenant's or an unknown id): a link back to the account,
 * relative so it works in the path form (`/<slug>/account/receipts/<kind>/<id>`) and on a tenant's own host.
 */
export default function ReceiptNotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>We could not find this receipt. Receipts are shown only to the member they belong to.</p>
      <p>
        <a href="../../../account">Back to your account</a>
      </p>
    </section>
  )
}
