'use server'

import { redirect } from 'next/navigation'
import { callEndpoint } from './callEndpoint'
import { siteOf, text, withQuery } from './forms'
import { href } from './site'
import { memberOrLogin } from './visitor'

/** Marks one of the member's notifications read (`POST /api/notifications/:id/read`) and goes back to the list. */
export async function markNotificationRead(form: FormData) {
  const site = await siteOf(form)
  const back = href(site, '/account/notifications')
  const visitor = await memberOrLogin(site, back)
  const answer = await callEndpoint({
    collection: 'notifications',
    path: '/:id/read',
    method: 'post',
    routeParams: { id: text(form, 'notification') },
    user: visitor.user,
  })
  // A new address, so the header asks the session route again for the unread count.
  redirect(withQuery(back, answer.ok ? { done: 'read' } : { error: answer.body.error ?? 'failed' }))
}
