import { definePort } from '@/core/ports/ports'

/**
 * The public face of billing: what the site and other plugins may import (no server code).
 */

// ---- Ports ----
// Asked by billing (`callPort`), answered by the plugin that implements them (commerce). Each
// fallback is what happens when no installed plugin implements the port.

export type GrantCreditsPortInput = {
  tenant: string
  member: string
  credits: number
  creditType: 'class' | 'appointment' | 'guest_pass' | 'any'
  source: 'subscription_grant' | 'guest_pass_reset'
  expiresAt?: string | null
  /** The subscription and period the grant belongs to: one grant per (subscription, periodKey, source). */
  subscription: string
  periodKey: string
}
export type GrantCreditsPortResult =
  | { ok: true; lot: string; granted: boolean }
  | { ok: false; code: string; reason: string }

/** Grants a subscription's credits or guest passes for one period, once. Fallback: credits are unavailable. */
export const grantCreditsPort = definePort<GrantCreditsPortInput, GrantCreditsPortResult>('credits.grant', () => ({
  ok: false,
  code: 'credits_unavailable',
  reason: 'Credits are not available for this business.',
}))
