import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { STAFF_ROLES, callPort, hasRoleIn, runSql, tenantMembershipsTable } from '@/core'
import { lmsSubscriptionEntitlementPort, type AccessDecision, type AccessTarget } from '../contract'
import { activeGrant, type GrantState } from './activeGrant'
import { courseLessons } from './courseLessons'
import { contentItemsTable } from './sql/contentItemsTable'
import { courseEnrollmentsTable } from './sql/courseEnrollmentsTable'
import { courseModulesTable } from './sql/courseModulesTable'
import { coursesTable } from './sql/coursesTable'
import { lessonCompletionsTable } from './sql/lessonCompletionsTable'
import { lessonsTable } from './sql/lessonsTable'
import { subscriptionCovers, type CoverInput } from './subscriptionCovers'
import { unlockState } from './unlockState'

export type LessonRow = {
  id: string
  tenant: string
  title: string
  course: string
  module: string | null
  item_type: string
  content: string | null
  quiz: string | null
  assignment: string | null
  is_preview: boolean
  unlock_mode: 'none' | 'after_days' | 'on_date' | 'cohort_start' | 'prerequisite' | null
  unlock_days: number | null
  unlock_date: Date | null
  unlock_prerequisite: string | null
  unlock_prerequisite_module: string | null
  module_unlock_mode: LessonRow['unlock_mode']
  module_unlock_days: number | null
  module_unlock_date: Date | null
  module_unlock_prerequisite: string | null
  module_unlock_prerequisite_module: string | null
  course_published: boolean
  navigation: string
  cohort_start: Date | null
  course_free: boolean
}

export type EnrollmentRow = { id: string; status: string; enrolled_at: Date | null; progress_pct: number }

/** The access decision about a lesson, with the rows it read (the endpoints reuse them). */
export type LessonAccess = {
  decision: AccessDecision
  /** The member the decision is for (resolved from the signed-in user when not given). */
  member: string | null
  lesson: LessonRow | null
  enrollment: EnrollmentRow | null
}

const deny = (reason: string, unlocksAt: string | null = null): AccessDecision => ({
  allowed: false,
  reason,
  unlocksAt,
})
const allow = (reason: string): AccessDecision => ({ allowed: true, reason })

/** The tenant of an active membership, or null. */
const memberTenant = async (req: PayloadRequest, member: string): Promise<string | null> => {
  const m = tenantMembershipsTable(req)
  const [row] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${m.tenant} AS tenant FROM ${m.$table} WHERE ${m.id} = ${member} AND ${m.status} = 'active'`,
  )
  return row?.tenant ?? null
}

/**
 * Who asks about a document of `tenant`: the given member (null: a visitor), or with `undefined`
 * the signed-in user's active membership of that tenant. `other_tenant` when the member (or the
 * signed-in user) is not a member of that tenant.
 */
export const resolveViewer = async (
  req: PayloadRequest,
  tenant: string,
  member: string | null | undefined,
): Promise<{ member: string | null; otherTenant: boolean }> => {
  if (member) return { member, otherTenant: (await memberTenant(req, member)) !== tenant }
  if (member === null || !req.user || req.user.collection !== 'users') return { member: null, otherTenant: false }
  const m = tenantMembershipsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table}
        WHERE ${m.tenant} = ${tenant} AND ${m.user} = ${String(req.user.id)} AND ${m.status} = 'active' LIMIT 1`,
  )
  return row ? { member: row.id, otherTenant: false } : { member: null, otherTenant: true }
}

/**
 * Whether a subscription opens the target: the port (another plugin may answer) or, with billing
 * installed, the member's subscriptions that give access now and their plans' content rules.
 */
const viaSubscription = async (req: PayloadRequest, input: CoverInput): Promise<boolean> => {
  const askPort = input.target.collection === 'courses' || input.visibility === 'members_only'
  const port = askPort
    ? await callPort(req, lmsSubscriptionEntitlementPort, {
        tenant: input.tenant,
        member: input.member,
        target: input.target,
        category: input.category ?? null,
      })
    : { entitled: false }
  return port.entitled || (await subscriptionCovers(req, input)) !== null
}

/** The refusal of a grant that does not open the target now (`not_yet` carries when it opens). */
const grantRefusal = (grant: GrantState): AccessDecision =>
  grant.state === 'not_yet'
    ? deny('not_yet', grant.availableFrom)
    : deny(grant.state === 'none' || grant.state === 'active' ? 'no_access' : grant.state)

/**
 * Whether the member completed a prerequisite lesson and every lesson of a prerequisite module
 * (an empty module counts as done); null ones are met. One statement.
 */
const prerequisitesDone = async (
  req: PayloadRequest,
  member: string,
  lesson: string | null,
  module: string | null,
): Promise<boolean> => {
  if (!lesson && !module) return true
  const l = lessonsTable(req)
  const done = lessonCompletionsTable(req)
  const [row] = await runSql<{ missing: number }>(
    req,
    sql`SELECT count(*)::int AS missing FROM ${l.$table} x
        WHERE (x.${l.id} = ${lesson} OR x.${l.module} = ${module})
          AND NOT EXISTS (SELECT 1 FROM ${done.$table} d WHERE d.${done.member} = ${member} AND d.${done.lesson} = x.${l.id})`,
  )
  return (row?.missing ?? 0) === 0
}

const isStaffOf = (req: PayloadRequest, tenant: string) => hasRoleIn(req.user, tenant, STAFF_ROLES)

/** Course access for a member of its tenant: free, an unexpired grant, or a subscription entitlement. */
const courseAccess = async (
  req: PayloadRequest,
  tenant: string,
  member: string,
  course: string,
  free: boolean,
): Promise<AccessDecision> => {
  if (free) return allow('free')
  const grant = await activeGrant(req, { tenant, member, target: { collection: 'courses', id: course } })
  if (grant.state === 'active') return allow(`grant:${grant.accessType}`)
  if (await viaSubscription(req, { tenant, member, target: { collection: 'courses', id: course } }))
    return allow('subscription')
  return grantRefusal(grant)
}

/**
 * The lesson decision: a published course's preview lesson opens for anyone; any other lesson needs
 * a member of the tenant with course access (free, grant, subscription) and an enrolment, and then
 * its unlock rule and the course's linear navigation (`locked:<rule>`, with `unlocksAt` when known).
 * Staff of the tenant open everything.
 */
export const lessonAccess = async (
  req: PayloadRequest,
  input: { member?: string | null; lesson: string },
): Promise<LessonAccess> => {
  const l = lessonsTable(req)
  const c = coursesTable(req)
  const cm = courseModulesTable(req)
  const [lesson] = await runSql<LessonRow>(
    req,
    sql`SELECT l.${l.id} AS id, l.${l.tenant} AS tenant, l.${l.title} AS title, l.${l.course} AS course, l.${l.module} AS module,
               l.${l.itemType} AS item_type, l.${l.content} AS content,
               l.${l.quiz} AS quiz, l.${l.assignment} AS assignment, coalesce(l.${l.isPreview}, false) AS is_preview,
               l.${l.unlockMode} AS unlock_mode, l.${l.unlockDays} AS unlock_days, l.${l.unlockDate} AS unlock_date,
               l.${l.unlockPrerequisite} AS unlock_prerequisite, l.${l.unlockPrerequisiteModule} AS unlock_prerequisite_module,
               cm.${cm.unlockMode} AS module_unlock_mode, cm.${cm.unlockDays} AS module_unlock_days,
               cm.${cm.unlockDate} AS module_unlock_date, cm.${cm.unlockPrerequisite} AS module_unlock_prerequisite,
               cm.${cm.unlockPrerequisiteModule} AS module_unlock_prerequisite_module,
               (c.${c.status} = 'published' AND c.${c.deletedAt} IS NULL) AS course_published,
               c.${c.navigation} AS navigation, c.${c.cohortStartDate} AS cohort_start,
               coalesce(c.${c.priceAmount}, 0) = 0 AS course_free
        FROM ${l.$table} l JOIN ${c.$table} c ON c.${c.id} = l.${l.course}
        LEFT JOIN ${cm.$table} cm ON cm.${cm.id} = l.${l.module}
        WHERE l.${l.id} = ${input.lesson}`,
  )
  if (!lesson) return { decision: deny('not_found'), member: null, lesson: null, enrollment: null }
  const viewer = await resolveViewer(req, lesson.tenant, input.member)
  const member = viewer.member
  const out = (decision: AccessDecision, enrollment: EnrollmentRow | null = null): LessonAccess => ({
    decision,
    member,
    lesson,
    enrollment,
  })
  if (isStaffOf(req, lesson.tenant)) return out(allow('staff'))
  if (!lesson.course_published) return { decision: deny('not_found'), member, lesson: null, enrollment: null }
  if (viewer.otherTenant) return out(deny('other_tenant'))

  const e = courseEnrollmentsTable(req)
  const [enrollment] = member
    ? await runSql<EnrollmentRow>(
        req,
        sql`SELECT ${e.id} AS id, ${e.status} AS status, ${e.enrolledAt} AS enrolled_at, ${e.progressPct}::int AS progress_pct
            FROM ${e.$table} WHERE ${e.tenant} = ${lesson.tenant} AND ${e.course} = ${lesson.course} AND ${e.member} = ${member}`,
      )
    : []
  if (lesson.is_preview) return out(allow('preview'), enrollment ?? null)
  if (!member) return out(deny('sign_in'))

  const course = await courseAccess(req, lesson.tenant, member, lesson.course, lesson.course_free)
  if (!course.allowed) return out(course, enrollment ?? null)
  if (!enrollment || !['active', 'completed'].includes(enrollment.status))
    return out(deny('not_enrolled'), enrollment ?? null)

  const linear = lesson.navigation === 'linear'
  let previousDone = true
  if (linear) {
    const ordered = await courseLessons(req, lesson.course, member)
    const at = ordered.findIndex((x) => x.id === lesson.id)
    previousDone = at <= 0 || ordered[at - 1].done
  }
  const ctx = {
    now: new Date(),
    enrolledAt: new Date(enrollment.enrolled_at ?? Date.now()),
    cohortStart: lesson.cohort_start ? new Date(lesson.cohort_start) : null,
  }
  // The module's rule holds every lesson of the module, before the lesson's own rule.
  const moduleState = unlockState(
    { mode: lesson.module_unlock_mode, days: lesson.module_unlock_days, date: lesson.module_unlock_date },
    {
      ...ctx,
      prerequisiteDone:
        lesson.module_unlock_mode !== 'prerequisite' ||
        (await prerequisitesDone(
          req,
          member,
          lesson.module_unlock_prerequisite,
          lesson.module_unlock_prerequisite_module,
        )),
      linear: false,
      previousDone: true,
    },
  )
  if (moduleState.locked) return out(deny(`locked:module_${moduleState.rule}`, moduleState.unlocksAt), enrollment)
  const state = unlockState(
    { mode: lesson.unlock_mode, days: lesson.unlock_days, date: lesson.unlock_date },
    {
      ...ctx,
      prerequisiteDone:
        lesson.unlock_mode !== 'prerequisite' ||
        (await prerequisitesDone(req, member, lesson.unlock_prerequisite, lesson.unlock_prerequisite_module)),
      linear,
      previousDone,
    },
  )
  if (state.locked) return out(deny(`locked:${state.rule}`, state.unlocksAt), enrollment)
  return out(course, enrollment)
}

type ItemRow = {
  tenant: string
  published: boolean
  visibility: string
  category: string | null
}

/** A content item: public opens for anyone; a grant opens any item; members_only also through a subscription. */
const contentItemAccess = async (
  req: PayloadRequest,
  asked: string | null | undefined,
  id: string,
): Promise<AccessDecision> => {
  const i = contentItemsTable(req)
  const [item] = await runSql<ItemRow>(
    req,
    sql`SELECT ${i.tenant} AS tenant, (${i.status} = 'published' AND ${i.deletedAt} IS NULL) AS published,
               ${i.visibility} AS visibility, ${i.category} AS category
        FROM ${i.$table} WHERE ${i.id} = ${id}`,
  )
  if (!item) return deny('not_found')
  if (isStaffOf(req, item.tenant)) return allow('staff')
  if (!item.published) return deny('not_found')
  const { member, otherTenant } = await resolveViewer(req, item.tenant, asked)
  if (otherTenant) return deny('other_tenant')
  if (item.visibility === 'public') return allow('public')
  if (!member) return deny('sign_in')
  const target = { collection: 'content-items' as const, id }
  const grant = await activeGrant(req, { tenant: item.tenant, member, target })
  if (grant.state === 'active') return allow(`grant:${grant.accessType}`)
  const covered = await viaSubscription(req, {
    tenant: item.tenant,
    member,
    target,
    category: item.category,
    visibility: item.visibility,
  })
  if (covered) return allow('subscription')
  return grantRefusal(grant)
}

/** A course (its page and enrolment): published, then free, a grant or a subscription. */
const courseTargetAccess = async (
  req: PayloadRequest,
  asked: string | null | undefined,
  id: string,
): Promise<AccessDecision> => {
  const c = coursesTable(req)
  const [course] = await runSql<{ tenant: string; published: boolean; free: boolean }>(
    req,
    sql`SELECT ${c.tenant} AS tenant, (${c.status} = 'published' AND ${c.deletedAt} IS NULL) AS published,
               coalesce(${c.priceAmount}, 0) = 0 AS free
        FROM ${c.$table} WHERE ${c.id} = ${id}`,
  )
  if (!course) return deny('not_found')
  if (isStaffOf(req, course.tenant)) return allow('staff')
  if (!course.published) return deny('not_found')
  const { member, otherTenant } = await resolveViewer(req, course.tenant, asked)
  if (otherTenant) return deny('other_tenant')
  if (!member) return course.free ? allow('free') : deny('sign_in')
  return courseAccess(req, course.tenant, member, id, course.free)
}

/**
 * THE access decision: may `member` (a tenant-membership id, null for a visitor, omitted for the
 * signed-in user's membership of the target's tenant) open `target`?
 * Every endpoint of the plugin asks it (and media delivery may). Another tenant's member never may.
 */
export const mayAccess = async (
  req: PayloadRequest,
  input: { member?: string | null; target: AccessTarget },
): Promise<AccessDecision> => {
  const { member, target } = input
  if (target.collection === 'lessons') return (await lessonAccess(req, { member, lesson: target.id })).decision
  if (target.collection === 'content-items') return contentItemAccess(req, member, target.id)
  return courseTargetAccess(req, member, target.id)
}
