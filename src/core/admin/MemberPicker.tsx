'use client'
import { useId, useState } from 'react'

export type PickedMember = { id: string; name: string; email: string }

type MembershipDoc = {
  id: string
  email?: string | null
  status?: string
  profile?: { displayName?: string | null } | null
}

/** Active memberships of `tenant` whose name or e-mail contains `text`, read over REST with the signed-in user's access. */
export const searchMembers = async (tenant: string, text: string): Promise<PickedMember[]> => {
  const params = new URLSearchParams({
    'where[and][0][tenant][equals]': tenant,
    'where[and][1][status][equals]': 'active',
    'where[and][2][or][0][profile.displayName][like]': text,
    'where[and][2][or][1][email][like]': text,
    limit: '10',
    depth: '0',
    sort: 'profile.displayName',
  })
  const response = await fetch(`/api/tenant-memberships?${params}`, { credentials: 'include' })
  if (!response.ok) throw new Error(`Member search failed (${response.status}).`)
  const body = (await response.json()) as { docs: MembershipDoc[] }
  return body.docs.map((doc) => ({
    id: String(doc.id),
    name: doc.profile?.displayName || doc.email || 'Member',
    email: doc.email ?? '',
  }))
}

/**
 * Find a member of the tenant by name or e-mail and act on one (book, sell to). Client component
 * shared by the staff screens; `actionLabel` names the button on each result.
 */
export const MemberPicker = ({
  tenant,
  actionLabel,
  onPick,
  label = 'Find a member',
}: {
  tenant: string
  actionLabel: string
  onPick: (member: PickedMember) => void
  label?: string
}) => {
  const id = useId()
  const [text, setText] = useState('')
  const [results, setResults] = useState<PickedMember[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const search = async () => {
    if (text.trim().length < 2) return setError('Type at least two letters of a name or e-mail.')
    setBusy(true)
    setError(null)
    try {
      setResults(await searchMembers(tenant, text.trim()))
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="member-picker">
      <label htmlFor={id}>{label}</label>
      <div style={{ display: 'flex', gap: 8, marginTop: 4 }}>
        <input
          id={id}
          type="search"
          value={text}
          placeholder="Name or e-mail"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              void search()
            }
          }}
        />
        <button type="button" onClick={() => void search()} disabled={busy}>
          Search
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {results && results.length === 0 && <p role="status">No member matches “{text}”.</p>}
      {results && results.length > 0 && (
        <ul className="member-picker__results">
          {results.map((member) => (
            <li key={member.id}>
              <span>
                {member.name} <small>{member.email}</small>
              </span>
              <button type="button" onClick={() => onPick(member)}>
                {actionLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
