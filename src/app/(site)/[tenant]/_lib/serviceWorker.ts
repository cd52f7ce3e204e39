/**
 * The tenant site's service worker (`/<slug>/sw.js`, or `/sw.js` on the tenant's own host, so its
 * scope is the site). It shows a Web Push message (`{ title, body, url }`, see marketing's
 * `PushMessagePayload`) and opens its `url`, resolved against the site, when clicked; a URL of
 * another origin opens the site's home instead. It caches nothing.
 */
export const SERVICE_WORKER_SOURCE = `'use strict'
const siteUrl = (raw) => {
  try {
    const url = new URL(raw || '.', self.registration.scope)
    return url.origin === self.location.origin ? url.href : self.registration.scope
  } catch (error) {
    return self.registration.scope
  }
}
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))
self.addEventListener('push', (event) => {
  let data = {}
  if (event.data) {
    try {
      data = event.data.json()
    } catch (error) {
      data = { body: event.data.text() }
    }
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'New notification'
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      data: { url: siteUrl(data.url) },
    }),
  )
})
self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = siteUrl(event.notification.data && event.notification.data.url)
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url === url && 'focus' in client)
      return open ? open.focus() : self.clients.openWindow(url)
    }),
  )
})
`
