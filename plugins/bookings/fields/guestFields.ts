import type { Field } from 'payload'
import { z } from 'zod'

const systemOnly = { create: () => false, update: () => false }

/**
 * The `guest` group of a booking made for a person without an account (appointments and event
 * RSVPs): name, e-mail and an optional phone, system-only (REST never writes it), shown in the
 * admin when set. Columns `guest_name`, `guest_email`, `guest_phone`.
 */
export const guestField = (description: string): Field => ({
  name: 'guest',
  type: 'group',
  access: systemOnly,
  admin: { description, condition: (data) => Boolean(data?.guest?.name) },
  fields: [
    { name: 'name', type: 'text', admin: { readOnly: true } },
    { name: 'email', type: 'email', admin: { readOnly: true } },
    { name: 'phone', type: 'text', admin: { readOnly: true } },
  ],
})

/**
 * The sha256 of a guest booking's cancel-link token (`cancel_token_hash`). Hidden from every API
 * and the admin; written only when a guest booking is made.
 */
export const cancelTokenHashField = (): Field => ({
  name: 'cancelTokenHash',
  type: 'text',
  unique: true,
  hidden: true,
  access: { read: () => false, create: () => false, update: () => false },
})

/** The guest in a request body: name 1–200, e-mail normalised to lower case, optional phone; nothing else. */
export const guestSchema = z
  .object({
    name: z.string().trim().min(1, 'the guest’s name is required').max(200),
    email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).pipe(z.string().max(254)),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{5,30}$/, 'must be a phone number')
      .optional(),
  })
  .strict()

export type Guest = z.infer<typeof guestSchema>
