'use server'

import { redirect } from 'next/navigation'
import { createLocalReq, logoutOperation, type TypedUser } from 'payload'
import { z } from 'zod'
import { inTransaction } from '@/core/db/inTransaction'
import { serialisedLogin } from '@/core/auth/serialisedLogin'
import { joinTenant } from '@/collections/operations/joinTenant'
import { queueEmailVerification } from '@/core/auth/emailVerification/queueEmailVerification'
import { callEndpoint } from './callEndpoint'
import { clearSessionCookie, setSessionCookie, siteOrigin, withinAuthLimit } from './session'
import { siteOf, text, withQuery } from './forms'
import { href, payloadInstance, type Site } from './site'
import { isMember, loadVisitor } from './visitor'
import { escapeHtml } from '@/core'

/**
 * The site's HTML form actions (server actions: they work without client JavaScript). Each one
 * ends in a redirect to a page that shows the outcome from its query string (`?error=<code>`,
 * `?done=<what>`), so a reload never re-submits.
 */

/** A same-site path to continue to after signing in; anything else falls back to the account. */
const nextPath = (site: Site, form: FormData) => {
  const next = text(form, 'next')
  const inside =
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.includes('\\') &&
    (site.base === '' || next === site.base || next.startsWith(`${site.base}/`))
  return inside ? next : href(site, '/account')
}

const email = z.string().trim().toLowerCase().email().max(254)
const password = z.string().min(8).max(200)

export async function login(form: FormData) {
  const site = await siteOf(form)
  const next = nextPath(site, form)
  const back = (error: string) => withQuery(href(site, '/login'), { error, next })
  const input = z
    .object({ email, password: z.string().min(1).max(200) })
    .safeParse({ email: text(form, 'email'), password: form.get('password') })
  if (!input.success) redirect(back('invalid_input'))
  if (!(await withinAuthLimit('login'))) redirect(back('rate_limited'))
  const payload = await payloadInstance()
  let result: { token?: string; exp?: number; user?: TypedUser } | null = null
  try {
    result = await serialisedLogin(await createLocalReq({}, payload), input.data)
  } catch (error) {
    const locked = /locked/i.test((error as Error).message)
    redirect(back(locked ? 'locked' : 'invalid_credentials'))
  }
  if (!result?.token || !result.user) redirect(back('invalid_credentials'))
  await setSessionCookie(result.token, result.exp)
  const member = await payload.find({
    collection: 'tenant-memberships',
    where: { and: [{ tenant: { equals: site.tenant.id } }, { user: { equals: result.user.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: result.user,
  })
  redirect(member.docs.length ? next : withQuery(href(site, '/join'), { next }))
}

export async function signup(form: FormData) {
  const site = await siteOf(form)
  const next = nextPath(site, form)
  const back = (error: string) => withQuery(href(site, '/signup'), { error, next })
  const input = z
    .object({ name: z.string().trim().min(1).max(120), email, password })
    .safeParse({ name: text(form, 'name'), email: text(form, 'email'), password: form.get('password') })
  if (!input.success) redirect(back(input.error.issues[0]?.path[0] === 'password' ? 'weak_password' : 'invalid_input'))
  if (!(await withinAuthLimit('signup'))) redirect(back('rate_limited'))
  const payload = await payloadInstance()
  const req = await createLocalReq({}, payload)
  let failed: string | null = null
  try {
    // The account and its membership of this tenant commit together, or neither does.
    await inTransaction(req, async () => {
      const user = await payload.create({ collection: 'users', data: input.data, req, overrideAccess: false })
      req.user = { ...user, collection: 'users' }
      await joinTenant(req, { tenant: site.tenant.slug })
      // ---- email verification ----
      // The verification mail goes out after this commit (jobs queue), linking to this site.
      await queueEmailVerification(req, { user: String(user.id), tenant: site.tenant.id })
      // ---- /email verification ----
    })
  } catch (error) {
    failed = /email/i.test(JSON.stringify((error as { data?: unknown }).data ?? (error as Error).message))
      ? 'email_taken'
      : 'signup_failed'
    if (failed === 'signup_failed') payload.logger.error({ err: error, msg: 'site sign-up failed' })
  }
  if (failed) redirect(back(failed))
  const session = await serialisedLogin(await createLocalReq({}, payload), {
    email: input.data.email,
    password: input.data.password,
  })
  if (session.token) await setSessionCookie(session.token, session.exp)
  redirect(withQuery(next, { welcome: '1' }))
}

export async function join(form: FormData) {
  const site = await siteOf(form)
  const next = nextPath(site, form)
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next }))
  const payload = await payloadInstance()
  const req = await createLocalReq({ user: visitor.user }, payload)
  let failed: string | null = null
  try {
    await inTransaction(req, () => joinTenant(req, { tenant: site.tenant.slug }))
  } catch (error) {
    failed = (error as { code?: string }).code ?? 'join_failed'
  }
  redirect(failed ? withQuery(href(site, '/join'), { error: failed, next }) : withQuery(next, { welcome: '1' }))
}

export async function logout(form: FormData) {
  const site = await siteOf(form)
  const visitor = await loadVisitor(site)
  if (visitor) {
    const payload = await payloadInstance()
    const req = await createLocalReq({ user: visitor.user }, payload)
    await logoutOperation({ collection: payload.collections.users, req }).catch(() => undefined) // ends this session
  }
  await clearSessionCookie()
  redirect(withQuery(href(site), { signedOut: '1' }))
}

export async function requestPasswordReset(form: FormData) {
  const site = await siteOf(form)
  const done = withQuery(href(site, '/forgot'), { sent: '1' })
  const input = email.safeParse(text(form, 'email'))
  if (!input.success) redirect(withQuery(href(site, '/forgot'), { error: 'invalid_input' }))
  if (!(await withinAuthLimit('forgotPassword'))) redirect(withQuery(href(site, '/forgot'), { error: 'rate_limited' }))
  const payload = await payloadInstance()
  const token = await payload.forgotPassword({ collection: 'users', data: { email: input.data }, disableEmail: true })
  if (token) {
    const link = `${siteOrigin(site.key, site.tenant.slug, site.base === '')}${href(site, '/reset')}?${new URLSearchParams({ token })}`
    await payload.sendEmail({
      to: input.data,
      subject: `Reset your ${site.name} password`,
      text: `Someone asked to reset the password of your ${site.name} account.\n\nChoose a new password here (the link works once, for one hour):\n${link}\n\nIf it was not you, ignore this message.`,
      html: `<p>Someone asked to reset the password of your ${escapeHtml(site.name)} account.</p><p><a href="${escapeHtml(link)}">Choose a new password</a> (the link works once, for one hour).</p><p>If it was not you, ignore this message.</p>`,
    })
  }
  redirect(done) // the same answer whether or not the address has an account
}

export async function resetPassword(form: FormData) {
  const site = await siteOf(form)
  const token = text(form, 'token')
  const back = (error: string) => withQuery(href(site, '/reset'), { token, error })
  const input = password.safeParse(form.get('password'))
  if (!token) redirect(withQuery(href(site, '/forgot'), { error: 'invalid_token' }))
  if (!input.success) redirect(back('weak_password'))
  if (!(await withinAuthLimit('resetPassword'))) redirect(back('rate_limited'))
  const payload = await payloadInstance()
  let session: { token?: string; user?: unknown } | null = null
  try {
    session = await payload.resetPassword({
      collection: 'users',
      data: { token, password: input.data },
      overrideAccess: false,
    })
  } catch {
    redirect(withQuery(href(site, '/forgot'), { error: 'invalid_token' }))
  }
  if (session?.token) await setSessionCookie(session.token)
  redirect(withQuery(href(site, '/account'), { done: 'password' }))
}

/** Books the class for the signed-in member through `POST /api/classes/:id/book`. */
export async function book(form: FormData) {
  const site = await siteOf(form)
  const classId = text(form, 'class')
  const page = href(site, `/classes/${encodeURIComponent(classId)}`)
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: page }))
  if (!isMember(visitor)) redirect(withQuery(href(site, '/join'), { next: page }))
  const answer = await callEndpoint<{ booking?: { status: string } }>({
    collection: 'classes',
    path: '/:id/book',
    method: 'post',
    routeParams: { id: classId },
    user: visitor.user,
  })
  redirect(
    answer.ok
      ? withQuery(page, { done: answer.body.booking?.status === 'waitlisted' ? 'waitlisted' : 'booked' })
      : withQuery(page, { error: answer.body.error ?? 'failed' }),
  )
}

/** Cancels the member's booking through `POST /api/bookings/:id/cancel` (after the preview was shown). */
export async function cancelBooking(form: FormData) {
  const site = await siteOf(form)
  const classId = text(form, 'class')
  const page = href(site, `/classes/${encodeURIComponent(classId)}`)
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: page }))
  const answer = await callEndpoint<{ booking?: { status: string } }>({
    collection: 'bookings',
    path: '/:id/cancel',
    method: 'post',
    routeParams: { id: text(form, 'booking') },
    user: visitor.user,
  })
  redirect(
    answer.ok
      ? withQuery(page, { done: answer.body.booking?.status === 'late_cancelled' ? 'late_cancelled' : 'cancelled' })
      : withQuery(page, { error: answer.body.error ?? 'failed' }),
  )
}

export async function updateProfile(form: FormData) {
  const site = await siteOf(form)
  const account = href(site, '/account')
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: account }))
  const input = z
    .object({
      name: z.string().trim().min(1).max(120),
      phone: z
        .string()
        .trim()
        .max(40)
        .regex(/^[+()0-9 .-]*$/),
    })
    .safeParse({ name: text(form, 'name'), phone: text(form, 'phone') })
  if (!input.success)
    redirect(
      withQuery(account, { error: input.error.issues[0]?.path[0] === 'phone' ? 'invalid_phone' : 'invalid_name' }),
    )
  const payload = await payloadInstance()
  await payload.update({
    collection: 'users',
    id: visitor.user.id,
    data: { name: input.data.name, phone: input.data.phone || null },
    overrideAccess: false,
    user: visitor.user,
  })
  redirect(withQuery(account, { done: 'profile' }))
}

const CONSENT_TYPES = ['email_marketing', 'sms', 'push'] as const

/** Grants (new row) or revokes (sets `revokedAt`) the member's marketing consents in core's `consents`. */
export async function updateConsents(form: FormData) {
  const site = await siteOf(form)
  const account = href(site, '/account')
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: account }))
  if (!isMember(visitor)) redirect(withQuery(href(site, '/join'), { next: account }))
  const payload = await payloadInstance()
  const { docs: open } = await payload.find({
    collection: 'consents',
    where: {
      and: [
        { member: { equals: visitor.membership.id } },
        { revokedAt: { exists: false } },
        { type: { in: [...CONSENT_TYPES] } },
      ],
    },
    depth: 0,
    limit: 20,
    overrideAccess: false,
    user: visitor.user,
  })
  const now = new Date().toISOString()
  for (const type of CONSENT_TYPES) {
    const wanted = form.get(type) === 'on'
    const current = open.filter((row) => row.type === type)
    if (wanted && current.length === 0) {
      await payload.create({
        collection: 'consents',
        data: { tenant: site.tenant.id, member: visitor.membership.id, type, source: 'website', grantedAt: now },
        overrideAccess: false,
        user: visitor.user,
      })
    }
    if (!wanted) {
      for (const row of current)
        await payload.update({
          collection: 'consents',
          id: row.id,
          data: { revokedAt: now },
          overrideAccess: false,
          user: visitor.user,
        })
    }
  }
  redirect(withQuery(account, { done: 'consents' }))
}
