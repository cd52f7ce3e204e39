import { z } from 'zod'

const membership = z.object({ user: z.string(), roles: z.array(z.string()), status: z.string() })
const consent = z.object({ member: z.string(), type: z.string() })

/** The events the core collections emit (tenants, memberships, locations, consents), with their payloads. */
export const coreEventSchemas = {
  'tenant.created': z.object({ slug: z.string() }),
  'location.created': z.object({ timezone: z.string() }),
  'location.timezone_changed': z.object({ from: z.string().nullish(), to: z.string() }),
  'member.created': membership,
  'member.updated': membership,
  'member.archived': membership,
  'member.role_changed': membership.extend({ previousRoles: z.array(z.string()) }),
  'consent.granted': consent,
  'consent.revoked': consent,
  // mkt_rest: GDPR erasure — a membership's personal data was erased (`anonymiseMembership`); each
  // plugin erases what it holds of that member. `userAnonymised`: the person's account was too
  // (they had no other live membership).
  'member.anonymised': z.object({ user: z.string(), userAnonymised: z.boolean() }),
  // end mkt_rest
  // ---- email verification ----
  'user.email_verified': z.object({ user: z.string(), email: z.string() }),
  // ---- /email verification ----
}

type CoreEvents = { [K in keyof typeof coreEventSchemas]: z.infer<(typeof coreEventSchemas)[K]> }

declare module './types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends CoreEvents {}
}
