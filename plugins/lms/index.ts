import type { CollectionConfig, Endpoint, Field, Plugin } from 'payload'
import { implementPort, withSqlTables } from '@/core'
import { creatorContentPort, purchaseGuardPort } from '@plugins/commerce/contract'
import { AccessGrants } from './collections/AccessGrants'
import { AssignmentFiles } from './collections/AssignmentFiles'
import { AssignmentSubmissions } from './collections/AssignmentSubmissions'
import { Assignments } from './collections/Assignments'
import { Certificates } from './collections/Certificates'
import { ContentItems } from './collections/ContentItems'
import { CourseEnrollments } from './collections/CourseEnrollments'
import { CourseModules } from './collections/CourseModules'
import { Courses } from './collections/Courses'
import { courseOutlineEndpoint } from './endpoints/courseOutlineEndpoint'
import { contentItemViewEndpoint } from './endpoints/contentItemViewEndpoint'
import { ContentSubscriptions } from './collections/ContentSubscriptions'
import { eventPortalField } from './fields/eventPortalField'
import { planContentField } from './fields/planContentField'
import { LessonCompletions } from './collections/LessonCompletions'
import { Lessons } from './collections/Lessons'
import { PlaybackPositions } from './collections/PlaybackPositions'
import { QuizSubmissions } from './collections/QuizSubmissions'
import { Quizzes } from './collections/Quizzes'
import { defaultOptions } from './defaults'
import { withLmsEvents } from './events'
import { productAccessField } from './fields/productAccessField'
import { lmsSqlTables } from './operations/sql/lmsSqlTables'
import type { LmsOptions } from './types'
import { purchaseGuard } from './operations/purchaseGuard'
// ---- creator payouts ----
import { withEarningsScreen } from './admin/earningsScreen'
import { earningsEndpoint } from './endpoints/earningsEndpoint'
import { creatorContent } from './operations/creatorContent'
import { contentPlanPort } from '@plugins/billing/contract'
import { contentPlan } from './operations/contentPlan'
// ---- end creator payouts ----

export type { LmsOptions } from './types'

/** A collection with more endpoints (the site's read endpoints sit beside the collection's own). */
const withEndpoints = (collection: CollectionConfig, endpoints: Endpoint[]): CollectionConfig => ({
  ...collection,
  endpoints: [...(collection.endpoints || []), ...endpoints],
})

/** Courses, modules, lessons, the content catalog, access grants, enrolments, completions, playback, quizzes and assignments (see README.md). */
export const lmsPlugin =
  (options: LmsOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultOptions, ...options }
    const group = o.adminGroup
    // ⊕ commerce's products (when installed): a product may sell a course or a content item.
    // ---- access sources ---- ⊕ billing's plans (content rules) and bookings' events (portal resources).
    const injected: Record<string, () => Field> = {
      products: productAccessField,
      'membership-plans': planContentField,
      events: eventPortalField,
    }
    const collections = (config.collections ?? []).map((collection) =>
      injected[collection.slug]
        ? { ...collection, fields: [...collection.fields, injected[collection.slug]()] }
        : collection,
    )
    const next = withLmsEvents({
      ...config,
      collections: [
        ...collections,
        withEndpoints(Courses(group), [courseOutlineEndpoint]),
        CourseModules(group),
        // a live-session lesson links a bookings class: only when bookings (installed before lms) added `classes`
        Lessons(
          group,
          o.completionThreshold,
          collections.some((c) => c.slug === 'classes'),
        ),
        withEndpoints(ContentItems(group), [contentItemViewEndpoint]),
        AccessGrants(group),
        CourseEnrollments(group),
        LessonCompletions(group),
        PlaybackPositions(group),
        Quizzes(group),
        QuizSubmissions(group),
        Assignments(group),
        AssignmentSubmissions(group),
        AssignmentFiles(group, {
          maxBytes: o.assignmentFileMaxBytes,
          maxFiles: o.assignmentFilesPerSubmission,
          types: o.assignmentFileTypes,
        }),
        Certificates(group),
        ContentSubscriptions(group),
      ],
    })
    // ---- email verification ---- commerce's purchase guard: content is sold to verified addresses only.
    const guarded = implementPort(next, purchaseGuardPort, purchaseGuard)
    // ---- /email verification ----
    // ---- creator payouts ---- which products are creator sales (commerce's fee split), the earnings endpoint and screen.
    const payouts = withEarningsScreen(
      implementPort(
        implementPort(
          { ...guarded, endpoints: [...(guarded.endpoints ?? []), earningsEndpoint] },
          creatorContentPort,
          creatorContent,
        ),
        contentPlanPort,
        contentPlan,
      ),
    )
    // ---- end creator payouts ----
    return withSqlTables(payouts, lmsSqlTables)
  }
