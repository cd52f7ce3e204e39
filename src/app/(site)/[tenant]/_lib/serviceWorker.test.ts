import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { SERVICE_WORKER_SOURCE } from './serviceWorker'

type Listener = (event: Record<string, unknown>) => void

/** Runs the worker's script against a minimal `self` of a worker registered at `scope`. */
const worker = (scope: string) => {
  const listeners = new Map<string, Listener>()
  const shown: { title: string; options: { body: string; data: { url: string } } }[] = []
  const opened: string[] = []
  const pending: Promise<unknown>[] = []
  const self = {
    location: new URL(`${scope}sw.js`),
    registration: {
      scope,
      showNotification: async (title: string, options: { body: string; data: { url: string } }) => {
        shown.push({ title, options })
      },
    },
    clients: {
      claim: async () => undefined,
      matchAll: async () => [],
      openWindow: async (url: string) => {
        opened.push(url)
      },
    },
    skipWaiting: () => undefined,
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  }
  runInNewContext(SERVICE_WORKER_SOURCE, { self, URL })
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => pending.push(p) })
    await Promise.all(pending)
  }
  const push = (data: unknown) =>
    dispatch('push', {
      data: { json: () => JSON.parse(JSON.stringify(data)), text: () => String(data) },
    })
  const click = (url: string) =>
    dispatch('notificationclick', { notification: { close: () => undefined, data: { url } } })
  return { shown, opened, push, click, listeners }
}

describe('the site service worker', () => {
  it('shows the push message and opens its URL, resolved against the site, on click', async () => {
    const w = worker('https://studio.example/yoga/')
    await w.push({ title: 'Class moved', body: 'Now at 7pm', url: 'account/notifications' })
    expect(w.shown).toEqual([
      {
        title: 'Class moved',
        options: { body: 'Now at 7pm', data: { url: 'https://studio.example/yoga/account/notifications' } },
      },
    ])
    await w.click(w.shown[0].options.data.url)
    expect(w.opened).toEqual(['https://studio.example/yoga/account/notifications'])
    expect([...w.listeners.keys()].sort()).toEqual(['activate', 'install', 'notificationclick', 'push'])
  })

  it('never opens another origin: such a URL opens the site instead', async () => {
    const w = worker('https://studio.example/')
    await w.push({ title: 'Hi', body: 'x', url: 'https://evil.example/phish' })
    expect(w.shown[0].options.data.url).toBe('https://studio.example/')
    await w.click('https://evil.example/phish')
    expect(w.opened).toEqual(['https://studio.example/'])
  })
})
