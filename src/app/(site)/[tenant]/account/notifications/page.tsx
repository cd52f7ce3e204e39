import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Flash } from '../../_lib/Flash'
import { when } from '../../_lib/format'
import { one } from '../../_lib/messages'
import { markNotificationRead } from '../../_lib/notificationActions'
import { myNotifications, vapidPublicKey } from '../../_lib/notifications'
import { PushNotificationsButton } from '../../_lib/PushNotificationsButton'
import type { SitePageProps } from '../../_lib/pageProps'
import { href, loadSite } from '../../_lib/site'
import { memberOrLogin } from '../../_lib/visitor'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Notifications', robots: { index: false } } : {}
}

/** The member's in-app notifications (newest first), each unread one with a "Mark as read" button. */
export default async function NotificationsPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site) notFound()
  const visitor = await memberOrLogin(site, href(site, '/account/notifications'))
  const notifications = await myNotifications(site, visitor)
  if (!notifications) notFound()
  const query = await searchParams
  const pushKey = await vapidPublicKey()
  return (
    <article aria-labelledby="notifications-title">
      <h1 id="notifications-title">Notifications</h1>
      <p>
        {notifications.unread === 0
          ? 'You are all caught up.'
          : `${notifications.unread} unread ${notifications.unread === 1 ? 'notification' : 'notifications'}.`}
      </p>
      <p>
        <a href={href(site, '/account')}>Back to your account</a>
      </p>
      <Flash error={one(query.error)} success={one(query.done) === 'read' ? 'Marked as read.' : null} />
      {pushKey ? (
        <section aria-labelledby="push-title" className="panel">
          <h2 id="push-title">Push notifications</h2>
          <p>Get these messages on this device even when the site is closed.</p>
          <PushNotificationsButton
            siteKey={site.key}
            scope={site.base ? `${site.base}/` : '/'}
            vapidPublicKey={pushKey}
          />
          <p className="muted">
            News and offers also need your consent under <a href={href(site, '/account')}>Messages from {site.name}</a>.
          </p>
        </section>
      ) : null}
      {notifications.docs.length === 0 ? (
        <p>Nothing here yet. Messages from {site.name} will show up here.</p>
      ) : (
        <ul className="notification-list">
          {notifications.docs.map((item) => (
            <li key={item.id} className={`card${item.readAt ? '' : ' notification-unread'}`}>
              <h2>
                {item.title}
                {item.readAt ? null : <span className="sr-only"> (unread)</span>}
              </h2>
              {item.message ? <p>{item.message}</p> : null}
              <p className="muted">{when(item.createdAt, site.tenant.timezone)}</p>
              {item.actionUrl ? (
                <p>
                  <a href={item.actionUrl}>
                    Open<span className="sr-only"> {item.title}</span>
                  </a>
                </p>
              ) : null}
              {item.readAt ? null : (
                <form action={markNotificationRead}>
                  <input type="hidden" name="site" value={site.key} />
                  <input type="hidden" name="notification" value={item.id} />
                  <button type="submit" className="button button-secondary">
                    Mark as read
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
