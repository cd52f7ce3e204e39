import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { lessonCompletionsTable } from './sql/lessonCompletionsTable'
import { lessonsTable } from './sql/lessonsTable'

export type CourseLesson = { id: string; title: string; module: string | null; done: boolean }

/**
 * The lessons of a course in course order (the order staff drag them into in the course's
 * Lessons list; fractional keys compare byte-wise), each with whether `member` completed it. One statement.
 */
export const courseLessons = async (
  req: PayloadRequest,
  course: string,
  member: string | null,
): Promise<CourseLesson[]> => {
  const l = lessonsTable(req)
  const c = lessonCompletionsTable(req)
  return runSql<CourseLesson>(
    req,
    sql`SELECT l.${l.id} AS id, l.${l.title} AS title, l.${l.module} AS module, (c.${c.id} IS NOT NULL) AS done
        FROM ${l.$table} l
        LEFT JOIN ${c.$table} c ON c.${c.lesson} = l.${l.id} AND c.${c.member} = ${member}
        WHERE l.${l.course} = ${course}
        ORDER BY l.${l.order} COLLATE "C" NULLS LAST, l.${l.id}`,
  )
}
