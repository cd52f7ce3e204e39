import type { File as UploadedFile } from 'payload'
import { LINK_FIELDS } from '../_lib/assignmentForm'
import { callEndpoint } from '../_lib/callEndpoint'
import { text, withQuery } from '../_lib/forms'
import { href, loadSite } from '../_lib/site'
import { isMember, loadVisitor } from '../_lib/visitor'

type Context = { params: Promise<{ tenant: string }> }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[a-z0-9-]{1,120}$/

/** After a form post: on to `location` with a GET (303). */
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } })

/** The form's chosen files (an empty file input sends one nameless, empty part). */
const chosenFiles = async (form: FormData): Promise<UploadedFile[]> =>
  Promise.all(
    form
      .getAll('file')
      .filter((part): part is File => typeof part !== 'string' && part.size > 0)
      .map(async (part) => ({
        data: Buffer.from(await part.arrayBuffer()),
        mimetype: part.type || 'application/octet-stream',
        name: part.name,
        size: part.size,
      })),
  )

/**
 * `POST /<slug>/hand-in` (multipart, the assignment lesson's form): hands in the answer, up to
 * three links and the chosen files (`POST /api/assignments/:id/submit` as the member, in-process).
 * A route rather than a server action, whose body is capped at JSON_BODY_LIMIT (1 MB): the proxy
 * lets this path's body reach UPLOAD_FILE_LIMIT + 1 MB. Back to the lesson with `?done=submitted`
 * or `?assignment_error=<code>` (file_too_large, unsupported_type, already_submitted…).
 */
export async function POST(request: Request, { params }: Context) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return seeOther('/')
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return seeOther(withQuery(href(site, '/courses'), { error: 'invalid_input' }))
  }
  const slug = text(form, 'slug')
  const lesson = text(form, 'lesson')
  const assignment = text(form, 'assignment')
  if (!SLUG.test(slug) || !UUID.test(lesson) || !UUID.test(assignment))
    return seeOther(withQuery(href(site, '/courses'), { error: 'invalid_input' }))
  const page = href(site, `/courses/${encodeURIComponent(slug)}/${lesson}`)
  const visitor = await loadVisitor(site)
  if (!visitor) return seeOther(withQuery(href(site, '/login'), { next: page }))
  if (!isMember(visitor)) return seeOther(withQuery(href(site, '/join'), { next: page }))
  const links = Array.from({ length: LINK_FIELDS }, (_, i) => text(form, `link${i + 1}`)).filter(Boolean)
  const files = await chosenFiles(form)
  const answer = await callEndpoint({
    collection: 'assignments',
    path: '/:id/submit',
    method: 'post',
    routeParams: { id: assignment },
    body: { body: text(form, 'body'), links },
    files: files.length ? { file: files } : undefined,
    user: visitor.user,
  })
  return seeOther(
    `${withQuery(page, answer.ok ? { done: 'submitted' } : { assignment_error: answer.body.error ?? 'failed' })}#assignment-title`,
  )
}
