'use server'

import { redirect } from 'next/navigation'
import { getEnv } from '@/core/env'
import { callEndpoint } from './callEndpoint'
import { siteOf, text, withQuery } from './forms'
import { startOnlinePurchase } from './onlinePurchase'
import { href, type Site } from './site'
import { isMember, loadVisitor, type Visitor } from './visitor'

/**
 * The learning pages' forms (no client JavaScript needed): enrol in a free course, buy a paid one
 * (commerce's product that sells it: Stripe Checkout, or reserved and paid at the desk), mark a
 * lesson done. The lms endpoints are called in-process as the member; each action redirects back
 * with `?done=` / `?error=`.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[a-z0-9-]{1,120}$/

const coursePage = (site: Site, slug: string) => href(site, `/courses/${encodeURIComponent(slug)}`)

/** The signed-in member of this site, or a redirect to log in / join and come back to `back`. */
const memberOrLogin = async (site: Site, back: string): Promise<Visitor> => {
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: back }))
  if (!isMember(visitor)) redirect(withQuery(href(site, '/join'), { next: back }))
  return visitor
}

/** The course form's fields: the course id and its page's slug. */
const courseFields = (site: Site, form: FormData) => {
  const course = text(form, 'course')
  const slug = text(form, 'slug')
  if (!UUID.test(course) || !SLUG.test(slug)) redirect(withQuery(href(site, '/courses'), { error: 'invalid_input' }))
  // ---- series ---- a series page's forms come back to it
  const page =
    text(form, 'back') === 'series' ? href(site, `/series/${encodeURIComponent(slug)}`) : coursePage(site, slug)
  // ---- /series ----
  return { course, slug, page }
}

/** Enrols the member in a course they may open (`POST /api/courses/:id/enrol`), then back to the course. */
export async function enrolInCourse(form: FormData) {
  const site = await siteOf(form)
  const { course, page } = courseFields(site, form)
  const visitor = await memberOrLogin(site, page)
  const answer = await callEndpoint({
    collection: 'courses',
    path: '/:id/enrol',
    method: 'post',
    routeParams: { id: course },
    body: {},
    user: visitor.user,
  })
  redirect(withQuery(page, answer.ok ? { done: 'enrolled' } : { error: answer.body.error ?? 'failed' }))
}

/**
 * Buys the product that sells a course: Stripe Checkout when the platform takes payments online
 * (the paid order grants the course), else a reservation paid at the front desk (the account lists it).
 */
export async function buyCourse(form: FormData) {
  const site = await siteOf(form)
  const { page } = courseFields(site, form)
  const product = text(form, 'product')
  if (!UUID.test(product)) redirect(withQuery(page, { error: 'invalid_input' }))
  const visitor = await memberOrLogin(site, page)
  if (getEnv().STRIPE_SECRET_KEY) {
    const started = await startOnlinePurchase(visitor.user, { product, quantity: 1 })
    if ('url' in started) redirect(started.url)
    if (started.error !== 'stripe_not_configured') redirect(withQuery(page, { error: started.error }))
  }
  const answer = await callEndpoint({
    collection: 'orders',
    path: '/reserve',
    method: 'post',
    body: { lines: [{ product, quantity: 1 }] },
    user: visitor.user,
  })
  redirect(
    answer.ok
      ? `${withQuery(href(site, '/account'), { done: 'reserved_order' })}#receipts-title`
      : withQuery(page, { error: answer.body.error ?? 'failed' }),
  )
}

/** Marks an open lesson done (`POST /api/lessons/:id/complete`), then back to the lesson. */
export async function completeCourseLesson(form: FormData) {
  const site = await siteOf(form)
  const { slug } = courseFields(site, form)
  const lesson = text(form, 'lesson')
  if (!UUID.test(lesson)) redirect(withQuery(coursePage(site, slug), { error: 'invalid_input' }))
  const page = `${coursePage(site, slug)}/${lesson}`
  const visitor = await memberOrLogin(site, page)
  const answer = await callEndpoint({
    collection: 'lessons',
    path: '/:id/complete',
    method: 'post',
    routeParams: { id: lesson },
    body: {},
    user: visitor.user,
  })
  redirect(withQuery(page, answer.ok ? { done: 'completed' } : { error: answer.body.error ?? 'failed' }))
}
