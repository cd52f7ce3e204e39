import { accessGrantsTable } from './accessGrantsTable'
import { assignmentFilesTable } from './assignmentFilesTable'
import { assignmentSubmissionsTable } from './assignmentSubmissionsTable'
import { certificatesTable } from './certificatesTable'
import { contentItemsTable } from './contentItemsTable'
import { contentSubscriptionsTable } from './contentSubscriptionsTable'
import { courseEnrollmentsTable } from './courseEnrollmentsTable'
import { courseModulesTable } from './courseModulesTable'
import { coursesTable } from './coursesTable'
import { lessonCompletionsTable } from './lessonCompletionsTable'
import { lessonsTable } from './lessonsTable'
import { playbackPositionsTable } from './playbackPositionsTable'
import { quizSubmissionsTable } from './quizSubmissionsTable'

/** Every table the lms plugin's raw SQL uses (checked against the schema at start-up). */
export const lmsSqlTables = [
  accessGrantsTable,
  assignmentFilesTable,
  assignmentSubmissionsTable,
  certificatesTable,
  contentItemsTable,
  contentSubscriptionsTable,
  courseEnrollmentsTable,
  courseModulesTable,
  coursesTable,
  lessonCompletionsTable,
  lessonsTable,
  playbackPositionsTable,
  quizSubmissionsTable,
]
