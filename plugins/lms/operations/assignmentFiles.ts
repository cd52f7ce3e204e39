import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { File, PayloadRequest } from 'payload'
import type { AssignmentFile } from '@/payload-types'
import { OperationError, idOf } from '@/core'
import type { AssignmentFileView } from '../contract'

/** The files of a multipart request's `file` parts (none for JSON). */
export const uploadedFiles = (req: PayloadRequest): File[] => {
  const parts = req.files?.file
  return parts ? (Array.isArray(parts) ? parts : [parts]) : []
}

/** A stored file as members and graders see it, with its access-checked download URL. */
export const assignmentFileView = (doc: AssignmentFile): AssignmentFileView => ({
  id: String(doc.id),
  submission: idOf(doc.submission) ?? '',
  filename: doc.filename ?? '',
  mimeType: doc.mimeType ?? 'application/octet-stream',
  size: doc.filesize ?? 0,
  url: `/api/assignment-files/${doc.id}/download`,
})

/**
 * Adds `files` to a submission as the signed-in user (`overrideAccess: false`): the collection's
 * hooks check size and type (413, 415) and the hand-in rules (403 `not_yours`, 409
 * `already_graded` / `submission_closed` / `too_many_files`, the lesson's 403).
 */
export const addSubmissionFiles = async (
  req: PayloadRequest,
  submission: string,
  files: File[],
): Promise<AssignmentFileView[]> => {
  if (files.length === 0) throw new OperationError(400, 'file_required', 'Choose a file to upload (form field “file”).')
  const views: AssignmentFileView[] = []
  for (const file of files) {
    const doc = await req.payload.create({
      collection: 'assignment-files',
      data: { submission },
      file,
      req,
      overrideAccess: false,
      depth: 0,
    })
    views.push(assignmentFileView(doc))
  }
  return views
}

/** The files of the given submissions that the signed-in user may read, by submission (oldest first). */
export const filesOfSubmissions = async (
  req: PayloadRequest,
  submissions: string[],
): Promise<Map<string, AssignmentFileView[]>> => {
  const bySubmission = new Map<string, AssignmentFileView[]>()
  if (submissions.length === 0) return bySubmission
  const { docs } = await req.payload.find({
    collection: 'assignment-files',
    where: { submission: { in: submissions } },
    sort: 'createdAt',
    limit: 200,
    depth: 0,
    req,
    overrideAccess: false,
  })
  for (const doc of docs) {
    const view = assignmentFileView(doc)
    bySubmission.set(view.submission, [...(bySubmission.get(view.submission) ?? []), view])
  }
  return bySubmission
}

/**
 * `GET /api/assignment-submissions/:id/files`: the submission's files for its member and the
 * tenant's graders; 404 for anyone who may not read the submission.
 */
export const listSubmissionFiles = async (req: PayloadRequest, submission: string): Promise<AssignmentFileView[]> => {
  const doc = await req.payload.findByID({
    collection: 'assignment-submissions',
    id: submission,
    req,
    overrideAccess: false,
    depth: 0,
    disableErrors: true,
  })
  if (!doc) throw new OperationError(404, 'not_found', 'Not found.')
  return (await filesOfSubmissions(req, [submission])).get(submission) ?? []
}

/** `filename*=` for a Content-Disposition header (RFC 5987), with a plain ASCII fallback. */
const dispositionOf = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`

/**
 * `GET /api/assignment-files/:id/download`: the file, as an attachment, to whoever may read it
 * (its member, the tenant's graders); 404 for anyone else, never a public URL.
 */
export const downloadAssignmentFile = async (req: PayloadRequest, id: string): Promise<Response> => {
  const doc = await req.payload.findByID({
    collection: 'assignment-files',
    id,
    req,
    overrideAccess: false,
    depth: 0,
    disableErrors: true,
  })
  if (!doc?.filename) throw new OperationError(404, 'not_found', 'Not found.')
  const staticDir = req.payload.collections['assignment-files'].config.upload.staticDir ?? ''
  const file = path.join(staticDir, path.basename(doc.filename))
  const info = await stat(file).catch(() => null)
  if (!info) throw new OperationError(404, 'not_found', 'The file is missing from storage.')
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': doc.mimeType ?? 'application/octet-stream',
      'content-length': String(info.size),
      'content-disposition': dispositionOf(doc.filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    },
  })
}
