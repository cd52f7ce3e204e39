'use client'

import { useUnreadNotifications } from './VisitorState'

/** The header's link to the member's notifications, with the unread count when there are any. */
export function NotificationsLink({ href }: { href: string }) {
  const unread = useUnreadNotifications()
  return (
    <a href={href} className="notifications-link">
      Notifications
      {unread > 0 ? (
        <span className="badge notifications-count">
          {unread}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </a>
  )
}
