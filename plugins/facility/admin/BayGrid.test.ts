// @vitest-environment happy-dom
import axe from 'axe-core'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BayGrid as BayGridData, GridReservation } from '../operations/readBayGrid'
import { BayGrid } from './BayGrid'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }))

// January in Chicago is UTC−6: 07:00 local = 13:00Z.
const slots = (free: boolean[]) =>
  free.map((isFree, i) => ({
    startAt: new Date(Date.parse('2030-01-15T13:00:00Z') + i * 30 * 60_000).toISOString(),
    endAt: new Date(Date.parse('2030-01-15T13:30:00Z') + i * 30 * 60_000).toISOString(),
    free: isFree,
  }))
const resource = (id: string, name: string, free: boolean[]) => ({
  id,
  name,
  type: 'simulator_bay',
  location: null,
  zone: 'America/Chicago',
  capacity: 4,
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 120,
  requiresApproval: false,
  slots: slots(free),
})
const maya: GridReservation = {
  id: '11111111-1111-4111-8111-111111111111',
  resource: 'bay-a',
  resourceName: 'Bay A',
  startAt: '2030-01-15T13:00:00.000Z',
  endAt: '2030-01-15T14:00:00.000Z',
  status: 'confirmed',
  source: 'member',
  owner: 'Maya Member',
  walkIn: false,
  member: 'm1',
  notes: null,
  accessCode: '123456',
  checkedIn: false,
  fee: { total: 2500, currency: 'USD', status: 'pending' },
  party: [
    { id: 'p1', slot: 1, type: 'owner', name: 'Maya Member', usesGuestPass: false, fee: 1000, checkedIn: false },
    { id: 'p2', slot: 2, type: 'guest', name: 'Gus Guest', usesGuestPass: false, fee: 1500, checkedIn: false },
    { id: 'p3', slot: 3, type: 'guest', name: 'Pat Pass', usesGuestPass: true, fee: 0, checkedIn: false },
  ],
}
const noah: GridReservation = {
  ...maya,
  id: '22222222-2222-4222-8222-222222222222',
  resource: 'bay-b',
  resourceName: 'Bay B',
  startAt: '2030-01-15T13:00:00.000Z',
  endAt: '2030-01-15T13:30:00.000Z',
  status: 'requested',
  owner: 'Noah Member',
  accessCode: null,
  party: [{ id: 'p4', slot: 1, type: 'owner', name: 'Noah Member', usesGuestPass: false, fee: 0, checkedIn: false }],
}
const grid: BayGridData = {
  date: '2030-01-15',
  now: '2030-01-14T12:00:00.000Z',
  zone: 'America/Chicago',
  resources: [
    resource('bay-a', 'Bay A', [false, false, true, true, true]),
    resource('bay-b', 'Bay B', [false, true, false, false]),
  ],
  reservations: [maya, noah],
  blocks: [
    {
      id: 'b1',
      resource: 'bay-b',
      startAt: '2030-01-15T14:00:00.000Z',
      endAt: '2030-01-15T15:00:00.000Z',
      type: 'maintenance',
      notes: null,
    },
  ],
  requests: [noah],
  roomBusy: [
    {
      resource: 'bay-a',
      kind: 'class',
      title: 'Live Core Burn',
      startAt: '2030-01-15T15:00:00.000Z',
      endAt: '2030-01-15T15:30:00.000Z',
    },
  ],
}

let root: Root
let host: HTMLDivElement
let calls: { url: string; body: Record<string, unknown> }[]

const button = (name: string | RegExp) => {
  const found = [...host.querySelectorAll('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent ?? ''
    return typeof name === 'string' ? label === name : name.test(label)
  })
  if (!found) throw new Error(`no button ${name}`)
  return found
}
const expectAxeClean = async () => {
  const result = await axe.run(host, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  })
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([])
}
const click = async (element: Element) => {
  await act(async () => {
    ;(element as HTMLElement).click()
  })
}
const choose = async (testId: string, value: string) => {
  const element = host.querySelector<HTMLSelectElement | HTMLInputElement>(`[data-testid="${testId}"]`)!
  const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value)
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }))
  })
}

beforeEach(async () => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  calls = []
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    calls.push({ url, body: JSON.parse(init.body) })
    const reply = url.endsWith('/check-in')
      ? { participants: 3, guestsCheckedIn: 2 }
      : url.endsWith('/pay')
        ? { number: 'F-1' }
        : {
            id: '33333333-3333-4333-8333-333333333333',
            status: 'confirmed',
            fee: { total: { amount: 4500, currency: 'USD' }, status: 'paid' },
            payment: { number: 'F-1' },
          }
    return new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json' } })
  })
  host = document.createElement('div')
  document.body.appendChild(host)
  root = createRoot(host)
  await act(async () => root.render(createElement(BayGrid, { grid, tenant: 't1' })))
})
afterEach(async () => {
  await act(async () => root.unmount())
  host.remove()
  vi.unstubAllGlobals()
})

describe('the bay grid (client)', () => {
  it('lays out resources × slots with reservations, blocks and bookable slots, and passes axe (WCAG A/AA rules it can check here)', async () => {
    const headers = [...host.querySelectorAll('[data-testid="bays-grid"] thead th')].map((th) => th.textContent)
    expect(headers).toEqual(['Time', 'Bay A', 'Bay B'])
    expect(button(/^Book Bay A at 8:00\sAM$/)).toBeTruthy()
    expect(button(/^Book Bay A at 8:30\sAM$/)).toBeTruthy()
    expect(button(/^Book Bay B at 7:30\sAM$/)).toBeTruthy()
    const res = host.querySelector(`[data-reservation="${maya.id}"]`)!
    expect(res.textContent).toMatch(/Maya Member.*Confirmed · 3 players \(2 guests\)/)
    expect(res.closest('td')!.getAttribute('rowspan')).toBe('2')
    expect(host.querySelector('.bay-grid__block')!.textContent).toBe('Closed · maintenance')
    // The shared room's class time (Bay A, 9:00) is shown as taken, named for screen readers, not bookable.
    const busy = host.querySelector('[data-testid="bays-room-busy"]')!
    expect(busy.textContent).toBe('Not bookable, the room is in use: Class: Live Core Burn')
    expect(() => button(/^Book Bay A at 9:00\sAM$/)).toThrow()
    expect(host.querySelectorAll('[data-testid="bays-request"]')).toHaveLength(1)
    await expectAxeClean()
  })

  it('shows a reservation with its party (pass used, fee due), checks the party in and moves it', async () => {
    await click(host.querySelector(`[data-reservation="${maya.id}"]`)!)
    const details = host.querySelector('[data-testid="bays-details"]')!
    const rows = [...details.querySelectorAll('[data-testid="bays-player"]')].map((r) => r.textContent)
    expect(rows).toEqual([
      expect.stringMatching(/Maya Member.*Host.*\$10\.00 due.*No/),
      expect.stringMatching(/Gus Guest.*Guest.*\$15\.00 due.*No/),
      expect.stringMatching(/Pat Pass.*Guest.*Guest pass used.*No/),
    ])
    expect(document.activeElement?.textContent).toBe('Maya Member: Bay A')
    await expectAxeClean()
    await click(button('Check in the party'))
    expect(calls.at(-1)).toEqual({ url: `/api/reservations/${maya.id}/check-in`, body: {} })
    expect(host.querySelector('[data-testid="bays-message"]')!.textContent).toBe(
      "Checked in Maya Member's party: 3 players, 2 guests admitted today.",
    )
    await choose('bays-move-resource', 'bay-b')
    await choose('bays-move-start', '2030-01-15T14:30:00.000Z')
    await click(host.querySelector('[data-testid="bays-move"]')!)
    expect(calls.at(-1)).toEqual({
      url: `/api/reservations/${maya.id}/move`,
      body: { resource: 'bay-b', startAt: '2030-01-15T14:30:00.000Z', endAt: '2030-01-15T15:30:00.000Z' },
    })
    expect(host.querySelector('[data-testid="bays-message"]')!.textContent).toMatch(
      /^Moved Maya Member's reservation to Bay B at 8:30\sAM\.$/,
    )
  })

  it('moves by picking a slot on the grid', async () => {
    await click(host.querySelector(`[data-reservation="${maya.id}"]`)!)
    await click(button('Pick a slot on the grid'))
    await click(button(/^Move here: Bay A at 8:30\sAM$/))
    expect(calls.at(-1)!.body).toEqual({
      resource: 'bay-a',
      startAt: '2030-01-15T14:30:00.000Z',
      endAt: '2030-01-15T15:30:00.000Z',
    })
  })

  it('books a walk-in party (lead, a named and a counted guest, paid in cash) on a free slot', async () => {
    await click(button(/^Book Bay A at 8:00\sAM$/))
    const form = host.querySelector('[data-testid="bays-book"]')!
    expect(form.querySelector('h2')!.textContent).toMatch(/^Book Bay A at 8:00\sAM$/)
    await expectAxeClean()
    await choose('bays-book-length', '60')
    const walkIn = [...form.querySelectorAll('label')].find((l) => l.textContent === 'A walk-in party')!
    await click(walkIn.querySelector('input')!)
    await choose('bays-walk-in-name', 'Walter Walkin')
    await choose('bays-walk-in-email', 'walter@example.test')
    await choose('bays-walk-in-size', '3')
    await choose('bays-walk-in-guest', 'Wendy Walkin')
    await choose('bays-walk-in-payment', 'cash')
    await expectAxeClean()
    await click(button('Book walk-in'))
    expect(calls.at(-1)).toEqual({
      url: '/api/reservations/walk-in',
      body: {
        resource: 'bay-a',
        startAt: '2030-01-15T14:00:00.000Z',
        endAt: '2030-01-15T15:00:00.000Z',
        lead: { name: 'Walter Walkin', email: 'walter@example.test' },
        guests: [{ name: 'Wendy Walkin' }],
        extraGuests: 1,
        payment: 'cash',
      },
    })
    expect(host.querySelector('[data-testid="bays-message"]')!.textContent).toMatch(
      /^Booked Bay A at 8:00\sAM for Walter Walkin \(walk-in, 3 players\)\. \$45\.00 taken at the desk \(order F-1\)\.$/,
    )
  })

  it('takes a due fee at the desk from the details', async () => {
    await click(host.querySelector(`[data-reservation="${maya.id}"]`)!)
    await click(host.querySelector('[data-testid="bays-pay-terminal"]')!)
    expect(calls.at(-1)).toEqual({ url: `/api/reservations/${maya.id}/pay`, body: { method: 'terminal' } })
    expect(host.querySelector('[data-testid="bays-message"]')!.textContent).toBe(
      "Took $25.00 on the card terminal for Maya Member's reservation (order F-1).",
    )
  })

  it('approves and declines requests from the queue, and shows a refusal', async () => {
    await click(button(/^Approve Noah Member/))
    expect(calls.at(-1)!.url).toBe(`/api/reservations/${noah.id}/approve`)
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: 'not_requested', message: 'This reservation is confirmed.' }, { status: 409 }),
    )
    await click(button(/^Decline Noah Member/))
    const alert = host.querySelector('[role="alert"]')!
    expect(alert.textContent).toBe('This reservation is confirmed.')
  })
})
