import { OperationError } from '@/core'
import type { AccessDecision } from '../contract'

const MESSAGES: Record<string, string> = {
  sign_in: 'Sign in to open this.',
  not_found: 'Not found.',
  other_tenant: 'This belongs to another business.',
  no_access: 'You do not have access to this yet: buy it, enrol or ask the business for access.',
  expired: 'Your access to this has expired.',
  revoked: 'Your access to this was withdrawn (for example after a refund).',
  not_enrolled: 'Enrol in the course first.',
  not_yet: 'Your access to this has not opened yet.',
}

/** The HTTP refusal of a negative access decision: 401 sign in, 404, 403 `lesson_locked` with when, else 403 `<reason>`. */
export const refusal = (decision: AccessDecision, lockedMessage?: string): OperationError => {
  if (decision.reason === 'sign_in') return new OperationError(401, 'unauthenticated', MESSAGES.sign_in)
  if (decision.reason === 'not_found') return new OperationError(404, 'not_found', MESSAGES.not_found)
  if (decision.reason.startsWith('locked:')) {
    const rule = decision.reason.slice(7)
    const what = rule.startsWith('module_')
      ? `This lesson's module is locked (${rule.slice(7)})`
      : `This lesson is locked (${rule})`
    return new OperationError(
      403,
      'lesson_locked',
      lockedMessage ?? `${what}${decision.unlocksAt ? `: it opens at ${decision.unlocksAt}` : ''}.`,
    )
  }
  if (decision.reason === 'not_yet' && decision.unlocksAt)
    return new OperationError(403, 'not_yet', `Your access to this opens at ${decision.unlocksAt}.`)
  return new OperationError(403, decision.reason, MESSAGES[decision.reason] ?? 'You cannot open this.')
}
