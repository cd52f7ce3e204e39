'use server'

import { redirect } from 'next/navigation'
import { callEndpoint } from './callEndpoint'
import { siteOf, text, withQuery } from './forms'
import { href, type Site } from './site'
import { isMember, loadVisitor } from './visitor'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[a-z0-9-]{1,120}$/
const KINDS = new Set(['single', 'multiple', 'true_false', 'short'])

/** The lesson page the quiz form was posted from, and the signed-in member (or a redirect to log in / join). */
const lessonOf = async (
  form: FormData,
): Promise<{ site: Site; page: string; user: NonNullable<Awaited<ReturnType<typeof loadVisitor>>>['user'] }> => {
  const site = await siteOf(form)
  const slug = text(form, 'slug')
  const lesson = text(form, 'lesson')
  if (!SLUG.test(slug) || !UUID.test(lesson)) redirect(withQuery(href(site, '/courses'), { error: 'invalid_input' }))
  const page = href(site, `/courses/${encodeURIComponent(slug)}/${lesson}`)
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: page }))
  if (!isMember(visitor)) redirect(withQuery(href(site, '/join'), { next: page }))
  return { site, page, user: visitor.user }
}

/** Starts (or resumes) an attempt at the lesson's quiz (`POST /api/quizzes/:id/attempts`), back to the lesson. */
export async function startQuizAttempt(form: FormData) {
  const { page, user } = await lessonOf(form)
  const quiz = text(form, 'quiz')
  if (!UUID.test(quiz)) redirect(withQuery(page, { quiz_error: 'invalid_input' }))
  const answer = await callEndpoint({
    collection: 'quizzes',
    path: '/:id/attempts',
    method: 'post',
    routeParams: { id: quiz },
    body: {},
    user,
  })
  redirect(`${answer.ok ? page : withQuery(page, { quiz_error: answer.body.error ?? 'failed' })}#quiz-title`)
}

/**
 * Submits the open attempt (`POST /api/quiz-submissions/:id/submit`): each drawn question's answer
 * read from the form by its kind (hidden `question` fields `<id>:<kind>`); the server scores it.
 */
export async function submitQuizAttempt(form: FormData) {
  const { page, user } = await lessonOf(form)
  const attempt = text(form, 'attempt')
  if (!UUID.test(attempt)) redirect(withQuery(page, { quiz_error: 'invalid_input' }))
  const answers: Record<string, number[] | boolean | string> = {}
  for (const entry of form.getAll('question')) {
    const [id, kind] = String(entry).split(':')
    if (!id || !KINDS.has(kind)) continue
    const values = form.getAll(`q_${id}`).map(String)
    if (kind === 'short') answers[id] = (values[0] ?? '').slice(0, 2000)
    else if (kind === 'true_false') {
      if (values[0] === 'true' || values[0] === 'false') answers[id] = values[0] === 'true'
    } else
      answers[id] = values
        .map(Number)
        .filter((n) => Number.isInteger(n) && n >= 0)
        .slice(0, 50)
  }
  const answer = await callEndpoint<{ scorePct: number; passed: boolean }>({
    collection: 'quiz-submissions',
    path: '/:id/submit',
    method: 'post',
    routeParams: { id: attempt },
    body: { answers },
    user,
  })
  redirect(
    `${withQuery(page, answer.ok ? { done: 'quiz_submitted' } : { quiz_error: answer.body.error ?? 'failed' })}#quiz-title`,
  )
}
