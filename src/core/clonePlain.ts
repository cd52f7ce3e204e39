/**
 * Deep-copies arrays and plain objects, keeping functions and class instances by reference.
 * Payload's sanitizer and the multi-tenant plugin change collection configs in place, so each
 * config build starts from fresh copies of the module-level definitions.
 */
export const clonePlain = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((item) => clonePlain(item)) as T
  if (value && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return value
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = clonePlain(item)
    return out as T
  }
  return value
}
