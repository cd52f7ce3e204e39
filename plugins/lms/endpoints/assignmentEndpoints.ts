import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { assignmentGradeInput, assignmentReturnInput, assignmentSubmitInput } from '../contract'
import { reviewSubmission, submitAssignment } from '../operations/assignments'
import { uploadedFiles } from '../operations/assignmentFiles'
import { idParam } from './schemas'
import { isMultipart, withMultipart } from './withMultipart'

/**
 * POST /api/assignments/:id/submit { body?, links? } → 201 the submission; or multipart: the same
 * JSON in a `_payload` field and the files in `file` parts (413, 415 as for `assignment-files`).
 * 403 when the lesson that sets it does not open for the member (locked, not enrolled, no access),
 * 409 `already_submitted` while a submission is waiting or graded (until staff return it).
 */
export const submitAssignmentEndpoint: Endpoint = {
  path: '/:id/submit',
  method: 'post',
  handler: withMultipart(
    endpointHandler(
      async (req, raw) =>
        submitAssignment(
          req,
          idParam.parse(req.routeParams).id,
          assignmentSubmitInput.parse(isMultipart(req) ? (req.data ?? {}) : raw),
          uploadedFiles(req),
        ),
      { status: 201, requireUser: true },
    ),
  ),
}

/** POST /api/assignment-submissions/:id/grade { points, feedback? } → 200 the graded submission (graders only). */
export const gradeSubmissionEndpoint: Endpoint = {
  path: '/:id/grade',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const input = assignmentGradeInput.parse(raw)
      return reviewSubmission(req, idParam.parse(req.routeParams).id, { status: 'graded', ...input })
    },
    { status: 200, requireUser: true },
  ),
}

/** POST /api/assignment-submissions/:id/return { feedback? } → 200 the returned submission (graders only). */
export const returnSubmissionEndpoint: Endpoint = {
  path: '/:id/return',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const input = assignmentReturnInput.parse(raw ?? {})
      return reviewSubmission(req, idParam.parse(req.routeParams).id, { status: 'returned', ...input })
    },
    { status: 200, requireUser: true },
  ),
}
