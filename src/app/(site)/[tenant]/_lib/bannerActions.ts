'use server'

import type { DismissReply } from '@plugins/marketing/contract'
import { callEndpoint } from './callEndpoint'
import { loadSite } from './site'
import { loadVisitor } from './visitor'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The signed-in member hides a banner for themselves (marketing's idempotent
 * `POST /api/announcements/:id/dismiss`, called as the member). Answers whether it is hidden.
 */
export async function dismissBanner(siteKey: string, announcement: string): Promise<{ ok: boolean; message?: string }> {
  const site = await loadSite(siteKey)
  if (!site || !UUID.test(announcement)) return { ok: false, message: 'That notice is not here any more.' }
  const visitor = await loadVisitor(site)
  if (!visitor) return { ok: false, message: 'Log in to hide notices.' }
  const answer = await callEndpoint<DismissReply>({
    collection: 'announcements',
    path: '/:id/dismiss',
    method: 'post',
    routeParams: { id: announcement },
    user: visitor.user,
  })
  return answer.ok ? { ok: true } : { ok: false, message: answer.body.message ?? 'The notice could not be hidden.' }
}
