import { defineSqlTable } from '@/core'

/** `playback-positions` as the lms plugin's raw SQL uses it. */
export const playbackPositionsTable = defineSqlTable('playback-positions', {
  id: 'id',
  tenant: 'tenant',
  member: 'member',
  content: 'content',
  positionSeconds: 'positionSeconds',
  durationSeconds: 'durationSeconds',
  completed: 'completed',
  completedAt: 'completedAt',
  updatedAt: 'updatedAt',
})
