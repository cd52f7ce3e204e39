import { headers } from 'next/headers'
import { callEndpoint, type EndpointAnswer } from './callEndpoint'

/** The visitor's address headers, so the endpoints' per-address limit counts this visitor (not the whole site). */
export const addressHeaders = async (): Promise<Headers> => {
  const incoming = await headers()
  const out = new Headers()
  for (const name of ['x-forwarded-for', 'x-real-ip']) {
    const value = incoming.get(name)
    if (value) out.set(name, value)
  }
  return out
}

export type VerifyEmailAnswer = { verified?: boolean; email?: string; alreadyVerified?: boolean }

/**
 * Confirms an address with the token of its link: the kernel's `POST /api/users/verify-email`,
 * called in-process and anonymously (the signed link is the credential; the visitor may be signed
 * out on this device). Idempotent: opening the link again answers `alreadyVerified`.
 */
export const confirmEmail = async (token: string): Promise<EndpointAnswer<VerifyEmailAnswer>> =>
  callEndpoint<VerifyEmailAnswer>({
    collection: 'users',
    path: '/verify-email',
    method: 'post',
    body: { token },
    user: null,
    headers: await addressHeaders(),
  })
