import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { AssignmentFilesReply } from '../contract'
import {
  addSubmissionFiles,
  downloadAssignmentFile,
  listSubmissionFiles,
  uploadedFiles,
} from '../operations/assignmentFiles'
import { idParam } from './schemas'
import { withMultipart } from './withMultipart'

/**
 * POST /api/assignment-submissions/:id/files (multipart, one or more `file` parts) → 201 `{ files }`:
 * the member adds files to their submission while it waits for grading. 413 `file_too_large`,
 * 415 `unsupported_type`, 403 `not_yours` / the lesson's refusal, 409 `already_graded` /
 * `submission_closed` / `too_many_files`; all or none of the request's files are kept.
 */
export const uploadSubmissionFilesEndpoint: Endpoint = {
  path: '/:id/files',
  method: 'post',
  handler: withMultipart(
    endpointHandler(
      async (req): Promise<AssignmentFilesReply> => ({
        files: await addSubmissionFiles(req, idParam.parse(req.routeParams).id, uploadedFiles(req)),
      }),
      { status: 201, requireUser: true },
    ),
  ),
}

/** GET /api/assignment-submissions/:id/files → 200 `{ files }` for its member and the tenant's graders; 404 otherwise. */
export const listSubmissionFilesEndpoint: Endpoint = {
  path: '/:id/files',
  method: 'get',
  handler: endpointHandler(
    async (req): Promise<AssignmentFilesReply> => ({
      files: await listSubmissionFiles(req, idParam.parse(req.routeParams).id),
    }),
    { requireUser: true, transaction: false },
  ),
}

/** GET /api/assignment-files/:id/download → the file as an attachment for its member and the tenant's graders; 404 otherwise. */
export const downloadAssignmentFileEndpoint: Endpoint = {
  path: '/:id/download',
  method: 'get',
  handler: endpointHandler(async (req) => downloadAssignmentFile(req, idParam.parse(req.routeParams).id), {
    requireUser: true,
    transaction: false,
  }),
}
