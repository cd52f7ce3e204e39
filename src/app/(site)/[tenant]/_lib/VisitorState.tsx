'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { createContext, Suspense, useContext, useEffect, useState, type ReactNode } from 'react'

/** Who is looking at a cached page: nobody signed in, a signed-in account that is not a member here, or a member. */
export type VisitorKind = 'anonymous' | 'visitor' | 'member'

const VisitorContext = createContext<VisitorKind>('anonymous')
const UnreadContext = createContext(0)

/** How many of the signed-in member's notifications are unread (0 until the session answers). */
export const useUnreadNotifications = () => useContext(UnreadContext)

/** Reports the address after each navigation (a form's redirect after logging in or out is one). */
function OnNavigation({ onChange }: { onChange: (address: string) => void }) {
  const address = `${usePathname()}?${useSearchParams()}`
  useEffect(() => onChange(address), [address, onChange])
  return null
}

/**
 * Asks the site's small `session` route who is signed in (the page itself is the same cached
 * HTML for everyone), again after each navigation, and tells the `VisitorSwitch`es below. Pages
 * show the variant for a visitor who is not signed in until the answer comes, and without JavaScript.
 */
export function VisitorProvider({ sessionUrl, children }: { sessionUrl: string; children: ReactNode }) {
  const [address, setAddress] = useState<string | null>(null)
  const [answer, setAnswer] = useState<{ address: string; kind: VisitorKind; unread: number } | null>(null)
  useEffect(() => {
    if (address === null) return
    let live = true
    fetch(sessionUrl, { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { visitor?: VisitorKind; unread?: number } | null) => {
        if (live && body?.visitor) setAnswer({ address, kind: body.visitor, unread: body.unread ?? 0 })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [sessionUrl, address])
  // Until the answer for this address comes, as a page load shows it: never a stale "signed in" after logging out.
  const current = answer && answer.address === address ? answer : null
  return (
    <VisitorContext.Provider value={current?.kind ?? 'anonymous'}>
      <UnreadContext.Provider value={current?.unread ?? 0}>
        <Suspense fallback={null}>
          <OnNavigation onChange={setAddress} />
        </Suspense>
        {children}
      </UnreadContext.Provider>
    </VisitorContext.Provider>
  )
}

/**
 * One of server-rendered variants, chosen in the browser by who is signed in. Each variant is
 * rendered on the server for everyone (no member data in it); `visitor` defaults to `member`.
 */
export function VisitorSwitch({
  anonymous = null,
  visitor,
  member = null,
}: {
  anonymous?: ReactNode
  visitor?: ReactNode
  member?: ReactNode
}) {
  const kind = useContext(VisitorContext)
  if (kind === 'member') return <>{member}</>
  if (kind === 'visitor') return <>{visitor === undefined ? member : visitor}</>
  return <>{anonymous}</>
}
