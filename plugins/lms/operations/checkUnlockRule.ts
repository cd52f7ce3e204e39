import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, idOf, runSql } from '@/core'
import { courseModulesTable } from './sql/courseModulesTable'
import { lessonsTable } from './sql/lessonsTable'
import { unlockCycle } from './unlockCycle'

type UnlockInput = {
  mode?: string | null
  days?: number | null
  date?: string | null
  prerequisite?: unknown
  prerequisiteModule?: unknown
}

/**
 * The checks of a lesson's or module's unlock rule before it is saved: what the mode needs (days,
 * a date, a prerequisite lesson or module), prerequisites of the same course, not itself, and no
 * cycle of prerequisites among the course's lessons and modules (400 `prerequisite_cycle` naming
 * it). Rules other than `prerequisite` keep their prerequisite fields but they do not count.
 */
export const checkUnlockRule = async (
  req: PayloadRequest,
  input: {
    kind: 'lesson' | 'module'
    course: string
    id: string | null
    title: string
    module?: string | null
    unlock: UnlockInput
  },
): Promise<void> => {
  const { unlock } = input
  const mode = unlock.mode ?? 'none'
  const days = unlock.days
  if (mode === 'after_days' && !(typeof days === 'number' && Number.isSafeInteger(days) && days >= 0))
    throw new OperationError(400, 'invalid_unlock', 'An after_days rule needs unlock.days (0 or more whole days).')
  if (mode === 'on_date' && !unlock.date)
    throw new OperationError(400, 'invalid_unlock', 'An on_date rule needs unlock.date.')
  if (mode !== 'prerequisite') return
  const prerequisite = idOf(unlock.prerequisite) ?? null
  const prerequisiteModule = idOf(unlock.prerequisiteModule) ?? null
  if (!prerequisite && !prerequisiteModule)
    throw new OperationError(
      400,
      'invalid_unlock',
      'A prerequisite rule needs unlock.prerequisite (a lesson) or unlock.prerequisiteModule (a module).',
    )
  const self = input.kind === 'lesson' ? prerequisite : prerequisiteModule
  if (input.id && self === input.id)
    throw new OperationError(400, 'prerequisite_cycle', `A ${input.kind} cannot be its own prerequisite.`)
  const l = lessonsTable(req)
  const m = courseModulesTable(req)
  if (prerequisite) {
    const [row] = await runSql<{ course: string }>(
      req,
      sql`SELECT ${l.course}::text AS course FROM ${l.$table} WHERE ${l.id} = ${prerequisite}`,
    )
    if (row?.course !== input.course)
      throw new OperationError(400, 'invalid_unlock', 'The prerequisite lesson must be a lesson of the same course.')
  }
  if (prerequisiteModule) {
    const [row] = await runSql<{ course: string }>(
      req,
      sql`SELECT ${m.course}::text AS course FROM ${m.$table} WHERE ${m.id} = ${prerequisiteModule}`,
    )
    if (row?.course !== input.course)
      throw new OperationError(400, 'invalid_unlock', 'The prerequisite module must be a module of the same course.')
  }
  const pending = {
    id: input.id ?? `new-${input.kind}`,
    title: input.title,
    module: input.module ?? null,
    prerequisite,
    prerequisiteModule,
  }
  const cycle = await unlockCycle(req, {
    course: input.course,
    ...(input.kind === 'lesson' ? { lesson: pending } : { module: pending }),
  })
  if (cycle)
    throw new OperationError(
      400,
      'prerequisite_cycle',
      `These prerequisites form a cycle, so none of them could ever open: ${cycle}.`,
    )
}
