import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { lessonsTable } from './sql/lessonsTable'

/**
 * Whether making `prerequisite` the prerequisite of `lesson` closes a cycle: one recursive
 * statement follows the prerequisite chain from `prerequisite` and looks for `lesson` in it
 * (UNION stops on a cycle already stored).
 */
export const prerequisiteCycle = async (
  req: PayloadRequest,
  lesson: string,
  prerequisite: string,
): Promise<boolean> => {
  const l = lessonsTable(req)
  const [row] = await runSql<{ found: boolean }>(
    req,
    sql`WITH RECURSIVE chain(id, next) AS (
          SELECT ${l.id}, ${l.unlockPrerequisite} FROM ${l.$table} WHERE ${l.id} = ${prerequisite}
          UNION
          SELECT x.${l.id}, x.${l.unlockPrerequisite} FROM ${l.$table} x JOIN chain ON x.${l.id} = chain.next
        )
        SELECT EXISTS (SELECT 1 FROM chain WHERE id = ${lesson}) AS found`,
  )
  return Boolean(row?.found)
}
