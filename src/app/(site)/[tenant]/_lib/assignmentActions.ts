'use server'

import { redirect } from 'next/navigation'
import { LINK_FIELDS } from './assignmentForm'
import { callEndpoint } from './callEndpoint'
import { siteOf, text, withQuery } from './forms'
import { href } from './site'
import { isMember, loadVisitor } from './visitor'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[a-z0-9-]{1,120}$/

/**
 * Hands in an assignment from its lesson page (`POST /api/assignments/:id/submit` as the member):
 * the answer text and up to three links. Back to the lesson with `?done=submitted` or
 * `?assignment_error=<code>` (already_submitted, lesson_locked, empty_submission, invalid_input…).
 */
export async function submitAssignmentWork(form: FormData) {
  const site = await siteOf(form)
  const slug = text(form, 'slug')
  const lesson = text(form, 'lesson')
  const assignment = text(form, 'assignment')
  if (!SLUG.test(slug) || !UUID.test(lesson) || !UUID.test(assignment))
    redirect(withQuery(href(site, '/courses'), { error: 'invalid_input' }))
  const page = href(site, `/courses/${encodeURIComponent(slug)}/${lesson}`)
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: page }))
  if (!isMember(visitor)) redirect(withQuery(href(site, '/join'), { next: page }))
  const links = Array.from({ length: LINK_FIELDS }, (_, i) => text(form, `link${i + 1}`)).filter(Boolean)
  const body = text(form, 'body')
  const answer = await callEndpoint({
    collection: 'assignments',
    path: '/:id/submit',
    method: 'post',
    routeParams: { id: assignment },
    body: { body, links },
    user: visitor.user,
  })
  redirect(
    `${withQuery(page, answer.ok ? { done: 'submitted' } : { assignment_error: answer.body.error ?? 'failed' })}#assignment-title`,
  )
}
