/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` become `\u003c`,
 * `\u003e` and `\u0026` (still the same JSON string values), so no text — a `</script>` in a
 * title, an `<!--` in a description — can close the element or open markup; U+2028/U+2029 are
 * escaped for old JavaScript parsers.
 */
export const serializeJsonLd = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
