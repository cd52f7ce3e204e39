import { z } from 'zod'

export type GuestInput = { name: string; email: string; phone?: string }
export type GuestField = 'name' | 'email' | 'phone'

/** The outcome codes of a refused guest form, one per field (the page marks that field). */
export const GUEST_ERRORS: Record<GuestField, string> = {
  name: 'invalid_guest_name',
  email: 'invalid_guest_email',
  phone: 'invalid_guest_phone',
}

/** The same rules as the bookings plugin's guest schema (the endpoint checks again): name 1–200, an e-mail, a phone of digits and + ( ) . / - */
const schema = (phoneRequired: boolean) =>
  z.object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    phone: phoneRequired
      ? z
          .string()
          .trim()
          .regex(/^\+?[0-9 ()./-]{5,30}$/)
      : z.union([
          z.literal(''),
          z
            .string()
            .trim()
            .regex(/^\+?[0-9 ()./-]{5,30}$/),
        ]),
  })

/**
 * A visitor's name, e-mail and phone from a guest form: the guest to send (an empty optional phone
 * left out), or the code of the first field that is not valid.
 */
export const parseGuest = (
  fields: Record<GuestField, string>,
  { phoneRequired = false } = {},
): { guest: GuestInput } | { error: string } => {
  const parsed = schema(phoneRequired).safeParse(fields)
  if (!parsed.success)
    return { error: GUEST_ERRORS[(parsed.error.issues[0]?.path[0] as GuestField) ?? 'name'] ?? 'invalid_input' }
  const { name, email, phone } = parsed.data
  return { guest: phone ? { name, email, phone } : { name, email } }
}

/** The field a refused guest form names (for `aria-invalid`), or null. */
export const guestFieldInError = (error: string): GuestField | null =>
  (Object.entries(GUEST_ERRORS).find(([, code]) => code === error)?.[0] as GuestField | undefined) ?? null
