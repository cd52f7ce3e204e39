/** The id of a relationship value, populated or not. */
export const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return undefined
}
