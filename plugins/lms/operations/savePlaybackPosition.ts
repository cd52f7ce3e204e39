import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, emit, runSql } from '@/core'
import type { PlaybackPositionInput } from '../contract'
import { recordCompletion, type CompletionResult } from './completeLesson'
import { lessonAccess } from './mayAccess'
import { refusal } from './refusal'
import { playbackPositionsTable } from './sql/playbackPositionsTable'

export type PlaybackResult = {
  content: string
  positionSeconds: number
  durationSeconds: number
  completed: boolean
  /** The lesson completion the threshold caused (enrolled members), or null. */
  lesson: CompletionResult | null
}

/**
 * `PATCH /api/lessons/:id/position`: the member's place in the lesson's media, upserted
 * (U(member, content), INSERT … ON CONFLICT DO UPDATE). `completed` flips once, by a conditional
 * UPDATE … WHERE completed = false, when the reported position reaches the threshold (95 %): that
 * caller emits `content.completed` and completes the lesson for an enrolled member. It never reverts.
 */
export const savePlaybackPosition = async (
  req: PayloadRequest,
  input: PlaybackPositionInput & { lesson: string; threshold: number },
): Promise<PlaybackResult> => {
  const access = await lessonAccess(req, { lesson: input.lesson })
  if (!access.decision.allowed || !access.lesson) throw refusal(access.decision)
  const { lesson, member } = access
  if (!member) throw new OperationError(403, 'not_a_member', 'Only members of this business keep a playback position.')
  if (!lesson.content) throw new OperationError(409, 'no_media', 'This lesson has no media to play.')
  const p = playbackPositionsTable(req)
  const [row] = await runSql<{ id: string; completed: boolean }>(
    req,
    sql`INSERT INTO ${p.$table} (${p.tenant}, ${p.member}, ${p.content}, ${p.positionSeconds}, ${p.durationSeconds}, ${p.completed})
        VALUES (${lesson.tenant}, ${member}, ${lesson.content}, ${input.positionSeconds}, ${input.durationSeconds}, false)
        ON CONFLICT (${p.tenant}, ${p.member}, ${p.content}) DO UPDATE
          SET ${p.positionSeconds} = EXCLUDED.${p.positionSeconds}, ${p.durationSeconds} = EXCLUDED.${p.durationSeconds},
              ${p.updatedAt} = now()
        RETURNING ${p.id} AS id, ${p.completed} AS completed`,
  )
  let completed = row.completed
  let completion: CompletionResult | null = null
  if (!completed && input.positionSeconds >= input.threshold * input.durationSeconds) {
    const [flipped] = await runSql<{ id: string }>(
      req,
      sql`UPDATE ${p.$table} SET ${p.completed} = true, ${p.completedAt} = now()
          WHERE ${p.id} = ${row.id} AND ${p.completed} = false RETURNING ${p.id} AS id`,
    )
    completed = true
    if (flipped) {
      await emit(req, {
        type: 'content.completed',
        tenant: lesson.tenant,
        subject: { collection: 'content-items', id: lesson.content },
        data: { content: lesson.content, member, lesson: lesson.id },
      })
      if (access.enrollment) completion = await recordCompletion(req, { lesson, member })
    }
  }
  return {
    content: lesson.content,
    positionSeconds: input.positionSeconds,
    durationSeconds: input.durationSeconds,
    completed,
    lesson: completion,
  }
}
