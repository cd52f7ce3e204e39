/** The PostgreSQL SQLSTATE of an error (`23505`, `23514`, …), also when a driver wraps it in `cause`. */
export const pgErrorCode = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null | undefined
  const code = e?.code ?? e?.cause?.code
  return typeof code === 'string' ? code : undefined
}
