import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { playbackPositionInput } from '../contract'
import { savePlaybackPosition } from '../operations/savePlaybackPosition'
import { idParam } from './schemas'

/**
 * PATCH /api/lessons/:id/position { positionSeconds, durationSeconds } → 200 { content, completed,
 * lesson } (upsert; completed flips once at the threshold and never reverts).
 */
export const playbackPositionEndpoint = (threshold: number): Endpoint => ({
  path: '/:id/position',
  method: 'patch',
  handler: endpointHandler(
    async (req, raw) =>
      savePlaybackPosition(req, {
        lesson: idParam.parse(req.routeParams).id,
        ...playbackPositionInput.parse(raw),
        threshold,
      }),
    { status: 200, requireUser: true },
  ),
})
