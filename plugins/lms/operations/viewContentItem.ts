import type { PayloadRequest } from 'payload'
import { idOf } from '@/core'
import type { ContentItemView } from '../contract'
import { mayAccess } from './mayAccess'
import { refusal } from './refusal'
import { playbackOf } from './viewLesson'

/**
 * A content item of the library opened by the signed-in member (or a visitor, for public items):
 * the one access decision first (public, a grant — purchase, complimentary, booking portal window
 * —, a subscription plan's content rules), a refusal (401, 403 `no_access` / `expired` /
 * `not_yet` / `revoked`, 404) carries no media; when allowed, the signed playback URL and the body.
 */
export const viewContentItem = async (req: PayloadRequest, id: string): Promise<ContentItemView> => {
  const access = await mayAccess(req, { target: { collection: 'content-items', id } })
  if (!access.allowed) throw refusal(access)
  const item = await req.payload.findByID({ collection: 'content-items', id, depth: 0, draft: false, req })
  const media = idOf(item.media) ?? null
  const playback = media ? await playbackOf(req, media, req.user ? String(req.user.id) : 'public') : null
  return {
    id: String(item.id),
    title: item.title,
    contentType: item.contentType,
    category: item.category ?? null,
    media,
    playback,
    body: item.body ?? null,
    access,
  }
}
