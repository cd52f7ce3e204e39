import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { courseModulesTable } from './sql/courseModulesTable'
import { lessonsTable } from './sql/lessonsTable'

/** The unlock rule of a lesson or module as it is about to be saved. */
export type PendingRule = {
  id: string
  title: string
  /** Lessons: their module. */
  module?: string | null
  prerequisite: string | null
  prerequisiteModule: string | null
}

/**
 * A cycle of "waits for" among a course's lessons and modules if the pending rule were saved, named
 * in order (`lesson “A” → module “Week 2” → lesson “A”`), or null. The graph: a lesson waits for its
 * prerequisite lesson or module and for its module's prerequisites; a module is done when each of
 * its lessons is. Every new cycle runs through the saved lesson (or a lesson of the saved module),
 * so one recursive statement walks simple paths from those back to their start.
 */
export const unlockCycle = async (
  req: PayloadRequest,
  input: { course: string; lesson?: PendingRule; module?: PendingRule },
): Promise<string | null> => {
  const l = lessonsTable(req)
  const m = courseModulesTable(req)
  const lesson = input.lesson ?? null
  const mod = input.module ?? null
  const rows = await runSql<{ path: string[] }>(
    req,
    sql`WITH RECURSIVE
        ls AS (
          SELECT ${l.id}::text AS id, ${l.module}::text AS module, ('lesson “' || ${l.title} || '”') AS name,
                 CASE WHEN ${l.unlockMode} = 'prerequisite' THEN ${l.unlockPrerequisite}::text END AS pl,
                 CASE WHEN ${l.unlockMode} = 'prerequisite' THEN ${l.unlockPrerequisiteModule}::text END AS pm
          FROM ${l.$table} WHERE ${l.course} = ${input.course} AND ${l.id}::text <> ${lesson?.id ?? ''}
          UNION ALL
          SELECT ${lesson?.id ?? null}::text, ${lesson?.module ?? null}::text, ${`lesson “${lesson?.title ?? ''}”`},
                 ${lesson?.prerequisite ?? null}::text, ${lesson?.prerequisiteModule ?? null}::text
          WHERE ${lesson?.id ?? null}::text IS NOT NULL
        ),
        ms AS (
          SELECT ${m.id}::text AS id, ('module “' || ${m.title} || '”') AS name,
                 CASE WHEN ${m.unlockMode} = 'prerequisite' THEN ${m.unlockPrerequisite}::text END AS pl,
                 CASE WHEN ${m.unlockMode} = 'prerequisite' THEN ${m.unlockPrerequisiteModule}::text END AS pm
          FROM ${m.$table} WHERE ${m.course} = ${input.course} AND ${m.id}::text <> ${mod?.id ?? ''}
          UNION ALL
          SELECT ${mod?.id ?? null}::text, ${`module “${mod?.title ?? ''}”`},
                 ${mod?.prerequisite ?? null}::text, ${mod?.prerequisiteModule ?? null}::text
          WHERE ${mod?.id ?? null}::text IS NOT NULL
        ),
        edges(src, dst) AS (
          SELECT id, pl FROM ls WHERE pl IS NOT NULL
          UNION SELECT id, pm FROM ls WHERE pm IS NOT NULL
          UNION SELECT ls.id, ms.pl FROM ls JOIN ms ON ms.id = ls.module WHERE ms.pl IS NOT NULL
          UNION SELECT ls.id, ms.pm FROM ls JOIN ms ON ms.id = ls.module WHERE ms.pm IS NOT NULL
          UNION SELECT module, id FROM ls WHERE module IS NOT NULL
        ),
        starts AS (
          SELECT id FROM ls WHERE id = ${lesson?.id ?? null}::text OR (module IS NOT NULL AND module = ${mod?.id ?? null}::text)
        ),
        walk(start, node, path, closed) AS (
          SELECT e.src, e.dst, ARRAY[e.src, e.dst], e.src = e.dst FROM edges e JOIN starts s ON s.id = e.src
          UNION ALL
          SELECT w.start, e.dst, w.path || e.dst, e.dst = w.start
          FROM walk w JOIN edges e ON e.src = w.node
          WHERE NOT w.closed AND (e.dst = w.start OR NOT e.dst = ANY (w.path)) AND cardinality(w.path) < 500
        )
        SELECT (SELECT array_agg(coalesce(ls.name, ms.name, step) ORDER BY n)
                FROM unnest(w.path) WITH ORDINALITY AS p(step, n)
                LEFT JOIN ls ON ls.id = p.step LEFT JOIN ms ON ms.id = p.step) AS path
        FROM walk w WHERE w.closed ORDER BY cardinality(w.path) LIMIT 1`,
  )
  return rows[0] ? rows[0].path.join(' → ') : null
}
