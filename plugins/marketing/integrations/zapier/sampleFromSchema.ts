import { z } from 'zod'

/** A plausible example value for a zod schema (Zapier's sample when a tenant has no real event yet). */
export const sampleFromSchema = (schema: z.ZodType, key = 'value'): unknown => {
  if (schema instanceof z.ZodObject)
    return Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, v]) => [k, sampleFromSchema(v, k)]),
    )
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return sampleFromSchema(schema.unwrap() as z.ZodType, key)
  if (schema instanceof z.ZodArray) return [sampleFromSchema(schema.element as z.ZodType, key)]
  if (schema instanceof z.ZodEnum) return schema.options[0]
  if (schema instanceof z.ZodLiteral) return schema.value
  if (schema instanceof z.ZodNumber) return 1
  if (schema instanceof z.ZodBoolean) return true
  if (schema instanceof z.ZodString) {
    if (/at$|date|time/i.test(key)) return new Date(0).toISOString()
    if (/email/i.test(key)) return 'member@example.com'
    return `sample-${key}`
  }
  return null
}
