import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, idOf, runSql } from '@/core'
import { loadAssignment, openLesson } from '../../../operations/assignments'
import { resolveViewer } from '../../../operations/mayAccess'
import { assignmentFilesTable } from '../../../operations/sql/assignmentFilesTable'
import { assignmentSubmissionsTable } from '../../../operations/sql/assignmentSubmissionsTable'

type SubmissionRow = { id: string; tenant: string; assignment: string; member: string; status: string }

/**
 * A file joins a submission: its tenant, member and assignment are the submission's (whatever was
 * sent). For a signed-in user (the upload endpoints, REST) the rules of a hand-in apply: the
 * submission is theirs (403 `not_yours`), still waiting for grading (409 `already_graded`, or
 * `submission_closed` once returned: hand in again), its lesson still opens for them (403 as the
 * lesson), and it holds fewer than `maxFiles` files (409 `too_many_files`). The submission row is
 * locked `FOR UPDATE`, so concurrent uploads and a grader's review run one after another.
 * Seed and system writes (no user) only get the copied fields.
 */
export const guardAssignmentFile =
  (maxFiles: number): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create') return data
    const id = idOf(data.submission)
    if (!id) throw new OperationError(400, 'submission_required', 'Say which submission the file belongs to.')
    const s = assignmentSubmissionsTable(req)
    const [row] = await runSql<SubmissionRow>(
      req,
      sql`SELECT ${s.id} AS id, ${s.tenant} AS tenant, ${s.assignment} AS assignment, ${s.member} AS member,
                 ${s.status}::text AS status
          FROM ${s.$table} WHERE ${s.id} = ${id} FOR UPDATE`,
    )
    // the tenant is the submission's, whatever was sent or defaulted (a member of several businesses)
    if (!row) throw new OperationError(404, 'not_found', 'Not found.')
    if (req.user) {
      const viewer = await resolveViewer(req, String(row.tenant), undefined)
      if (viewer.otherTenant) throw new OperationError(404, 'not_found', 'Not found.')
      if (viewer.member !== String(row.member))
        throw new OperationError(403, 'not_yours', 'Only the member who handed it in can add files.')
      if (row.status === 'graded')
        throw new OperationError(
          409,
          'already_graded',
          'This submission is already graded; files can no longer be added.',
        )
      if (row.status === 'returned')
        throw new OperationError(
          409,
          'submission_closed',
          'This submission was returned to you: hand in again, with your files, as a new attempt.',
        )
      await openLesson(req, await loadAssignment(req, String(row.assignment)))
      const f = assignmentFilesTable(req)
      const [{ n }] = await runSql<{ n: number }>(
        req,
        sql`SELECT count(*)::int AS n FROM ${f.$table} WHERE ${f.submission} = ${id}`,
      )
      if (n >= maxFiles)
        throw new OperationError(409, 'too_many_files', `A submission can carry at most ${maxFiles} files.`)
    }
    return {
      ...data,
      tenant: String(row.tenant),
      submission: String(row.id),
      member: String(row.member),
      assignment: String(row.assignment),
    }
  }
