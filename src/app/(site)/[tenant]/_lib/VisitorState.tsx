'use client'

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'

/** Who is looking at a cached page: nobody signed in, a signed-in account that is not a member here, or a member. */
export type VisitorKind = 'anonymous' | 'visitor' | 'member'

const VisitorContext = createContext<VisitorKind>('anonymous')

/**
 * Asks the site's small `session` route who is signed in (the page itself is the same cached
 * HTML for everyone) and tells the `VisitorSwitch`es below. Pages render for a visitor who is not
 * signed in until the answer comes, and without JavaScript.
 */
export function VisitorProvider({ sessionUrl, children }: { sessionUrl: string; children: ReactNode }) {
  const [kind, setKind] = useState<VisitorKind>('anonymous')
  useEffect(() => {
    let live = true
    fetch(sessionUrl, { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { visitor?: VisitorKind } | null) => {
        if (live && body?.visitor) setKind(body.visitor)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [sessionUrl])
  return <VisitorContext.Provider value={kind}>{children}</VisitorContext.Provider>
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
