'use client'

import { useEffect, useState } from 'react'
import { removePushSubscription, savePushSubscription } from './pushActions'

type State = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on' | 'working'

/** The base64url VAPID key as the bytes `pushManager.subscribe` takes. */
const keyBytes = (base64url: string): Uint8Array<ArrayBuffer> => {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/')
  const raw = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}

/** Whether a browser subscription was made with this VAPID key (a changed platform key needs a new one). */
const madeWith = (subscription: PushSubscription, key: Uint8Array): boolean => {
  const own = subscription.options.applicationServerKey
  if (!own) return false
  const bytes = new Uint8Array(own)
  return bytes.length === key.length && bytes.every((byte, i) => byte === key[i])
}

/** This browser's subscription of the site's worker, if it was made with the current key (an outdated one is dropped). */
const currentSubscription = async (scope: string, key: Uint8Array): Promise<PushSubscription | null> => {
  const registration = await navigator.serviceWorker.getRegistration(scope)
  const subscription = (await registration?.pushManager.getSubscription()) ?? null
  if (subscription && !madeWith(subscription, key)) {
    await subscription.unsubscribe().catch(() => false)
    return null
  }
  return subscription
}

const supported = () =>
  typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window

const STATUS: Record<State, string> = {
  checking: 'Checking whether this browser can show push notifications…',
  unsupported: 'This browser cannot show push notifications. You will still find every message on this page.',
  blocked:
    'Push notifications are blocked for this site in your browser settings. Allow notifications there to turn them on.',
  off: 'Push notifications are off in this browser.',
  on: 'Push notifications are on in this browser.',
  working: 'One moment…',
}

/**
 * "Turn on push notifications": registers the site's service worker (`sw.js`, scope the site),
 * subscribes with the platform's VAPID key and saves the subscription for the member (a server
 * action calling `POST /api/push-subscriptions/subscribe`); "Turn off" undoes both. The state is
 * announced in a polite live region (on, off, blocked, unsupported).
 */
export const PushNotificationsButton = ({
  siteKey,
  scope,
  vapidPublicKey,
}: {
  siteKey: string
  /** The site's root path (`/<slug>/` or `/`): the worker is `<scope>sw.js`. */
  scope: string
  vapidPublicKey: string
}) => {
  const [state, setState] = useState<State>('checking')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const check = async (): Promise<State> => {
      if (!supported()) return 'unsupported'
      if (Notification.permission === 'denied') return 'blocked'
      const subscription = await currentSubscription(scope, keyBytes(vapidPublicKey))
      if (!subscription || Notification.permission !== 'granted') return 'off'
      // Saved again (idempotent): the site may have dropped it, or another member signed in on this browser.
      const saved = await savePushSubscription(siteKey, subscription.toJSON(), navigator.userAgent)
      return saved.ok ? 'on' : 'off'
    }
    check()
      .catch((): State => 'off')
      .then((next) => live && setState(next))
    return () => {
      live = false
    }
  }, [scope, siteKey, vapidPublicKey])

  const turnOn = async () => {
    setError(null)
    setState('working')
    try {
      const permission = await Notification.requestPermission()
      if (permission !== 'granted') {
        setState(permission === 'denied' ? 'blocked' : 'off')
        return
      }
      const registration = await navigator.serviceWorker.register(`${scope}sw.js`, { scope })
      await navigator.serviceWorker.ready
      const key = keyBytes(vapidPublicKey)
      const subscription =
        (await currentSubscription(scope, key)) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }))
      const saved = await savePushSubscription(siteKey, subscription.toJSON(), navigator.userAgent)
      if (!saved.ok) {
        await subscription.unsubscribe().catch(() => false)
        setError(saved.message)
        setState('off')
        return
      }
      setState('on')
    } catch {
      setError('Push notifications could not be turned on in this browser.')
      setState(supported() && Notification.permission === 'denied' ? 'blocked' : 'off')
    }
  }

  const turnOff = async () => {
    setError(null)
    setState('working')
    try {
      const registration = await navigator.serviceWorker.getRegistration(scope)
      const subscription = await registration?.pushManager.getSubscription()
      if (subscription) {
        await removePushSubscription(siteKey, subscription.endpoint)
        await subscription.unsubscribe()
      }
      setState('off')
    } catch {
      setError('Push notifications could not be turned off in this browser.')
      setState('on')
    }
  }

  return (
    <div className="stack">
      <p role="status" aria-live="polite">
        {STATUS[state]}
      </p>
      {error ? (
        <p className="flash flash-error" role="alert">
          {error}
        </p>
      ) : null}
      {state === 'off' || state === 'on' || state === 'working' ? (
        <button
          type="button"
          className={state === 'on' ? 'button button-secondary' : 'button'}
          aria-disabled={state === 'working'}
          onClick={() => {
            if (state === 'off') void turnOn()
            if (state === 'on') void turnOff()
          }}
        >
          {state === 'on'
            ? 'Turn off push notifications'
            : state === 'working'
              ? 'Please wait…'
              : 'Turn on push notifications'}
        </button>
      ) : null}
    </div>
  )
}
