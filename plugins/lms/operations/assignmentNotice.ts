import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable, tenantsTable, usersTable, type Subscriber } from '@/core'

/** The member's e-mail, the business's name and the assignment's title, or null when any is gone. */
const recipient = async (req: PayloadRequest, member: string, assignment: string) => {
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const t = tenantsTable(req)
  const [row] = await runSql<{ email: string | null; tenant_name: string }>(
    req,
    sql`SELECT u.${u.email} AS email, t.${t.name} AS tenant_name FROM ${m.$table} m
        JOIN ${u.$table} u ON u.${u.id} = m.${m.user} JOIN ${t.$table} t ON t.${t.id} = m.${m.tenant}
        WHERE m.${m.id} = ${member}`,
  )
  const doc = await req.payload.findByID({
    collection: 'assignments',
    id: assignment,
    depth: 0,
    req,
    disableErrors: true,
  })
  return row?.email && doc ? { email: row.email, tenantName: row.tenant_name, title: doc.title } : null
}

const feedbackOf = async (req: PayloadRequest, submission: string) => {
  const doc = await req.payload.findByID({
    collection: 'assignment-submissions',
    id: submission,
    depth: 0,
    req,
    disableErrors: true,
  })
  return doc?.feedback ? `\n\nFeedback:\n${doc.feedback}` : ''
}

/** The message a member gets when their assignment is graded or returned (plain text). */
export const assignmentNotice = (
  kind: 'graded' | 'returned',
  input: { tenantName: string; title: string; points?: number; maxPoints?: number; passed?: boolean; feedback: string },
) =>
  kind === 'graded'
    ? {
        subject: `${input.tenantName}: “${input.title}” was graded`,
        text: `Your assignment “${input.title}” was graded: ${input.points} / ${input.maxPoints}${input.passed ? ' (passed)' : ''}.${input.feedback}`,
      }
    : {
        subject: `${input.tenantName}: “${input.title}” was returned to you`,
        text: `Your assignment “${input.title}” was returned so you can hand it in again.${input.feedback}`,
      }

/** `assignment.graded` → an e-mail to the member (from the jobs queue, after the grade is committed). */
export const assignmentGradedNotice: Subscriber<'assignment.graded'> = {
  name: 'lms.notifyAssignmentGraded',
  event: 'assignment.graded',
  handler: async (event, { req }) => {
    const to = await recipient(req, event.data.member, event.data.assignment)
    if (!to) return
    const message = assignmentNotice('graded', {
      ...to,
      ...event.data,
      feedback: await feedbackOf(req, event.data.submission),
    })
    await req.payload.sendEmail({ to: to.email, ...message })
  },
}

/** `assignment.returned` → an e-mail to the member (from the jobs queue). */
export const assignmentReturnedNotice: Subscriber<'assignment.returned'> = {
  name: 'lms.notifyAssignmentReturned',
  event: 'assignment.returned',
  handler: async (event, { req }) => {
    const to = await recipient(req, event.data.member, event.data.assignment)
    if (!to) return
    const message = assignmentNotice('returned', { ...to, feedback: await feedbackOf(req, event.data.submission) })
    await req.payload.sendEmail({ to: to.email, ...message })
  },
}
