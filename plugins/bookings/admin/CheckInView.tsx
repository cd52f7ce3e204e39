import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin } from '@/core'
import { CheckInList, type RosterEntry } from './CheckInList'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
type Row = Record<string, unknown> & { id: string | number }

/**
 * `/admin/check-in/:classId`: the roster (confirmed and checked-in bookings) and waitlist of one
 * class, for desk staff and instructors of the class's tenant; others see "No such class".
 */
export const CheckInView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { payload } = req
  const user = req.user
  const segments = (view.params?.segments as string[] | undefined) ?? []
  const classId = segments[1] ?? ''
  const klass = UUID.test(classId)
    ? ((await payload
        .findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: false, req })
        .catch(() => null)) as Row | null)
    : null
  const tenant = klass ? String(klass.tenant) : ''
  if (!klass || !(isPlatformAdmin(user) || hasRoleIn(user, tenant, [...DESK_ROLES, 'instructor']))) {
    return (
      <AdminPage view={view} title="Check-in">
        <AdminNotice>No such class.</AdminNotice>
      </AdminPage>
    )
  }
  const bookings = await payload.find({
    collection: 'bookings',
    where: { and: [{ class: { equals: classId } }, { status: { in: ['confirmed', 'checked_in', 'waitlisted'] } }] },
    sort: 'createdAt',
    limit: 1000,
    depth: 0,
    overrideAccess: false,
    req,
  })
  const docs = bookings.docs as unknown as Row[]
  const memberIds = [...new Set(docs.map((b) => String(b.member)))]
  const members = new Map<string, { name: string; email: string }>()
  if (memberIds.length) {
    const found = await payload.find({
      collection: 'tenant-memberships',
      where: { id: { in: memberIds } },
      limit: memberIds.length,
      depth: 0,
      overrideAccess: false,
      req,
    })
    for (const m of found.docs as unknown as Row[]) {
      members.set(String(m.id), {
        name: String((m.profile as { displayName?: string } | undefined)?.displayName || m.email || 'Member'),
        email: String(m.email ?? ''),
      })
    }
  }
  const entry = (b: Row): RosterEntry => ({
    id: String(b.id),
    member: String(b.member),
    name: members.get(String(b.member))?.name ?? 'Member',
    email: members.get(String(b.member))?.email ?? '',
    status: String(b.status),
    waitlistPosition:
      b.waitlistPosition === null || b.waitlistPosition === undefined ? null : Number(b.waitlistPosition),
  })
  const roster = docs
    .filter((b) => b.status !== 'waitlisted')
    .map(entry)
    .sort((a, b) => a.name.localeCompare(b.name))
  const waitlist = docs
    .filter((b) => b.status === 'waitlisted')
    .map(entry)
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))
  const zone = String(klass.timezone || 'UTC')
  const when = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(String(klass.startTime)))
  return (
    <AdminPage view={view} title={`Check-in: ${String(klass.title)}`} className="staff-check-in">
      <p>
        {when} · {Number(klass.bookedCount ?? 0)}/{Number(klass.capacity ?? 0)} booked · waitlist{' '}
        {Number(klass.waitlistCount ?? 0)}/{Number(klass.waitlistCapacity ?? 0)}
        {klass.status !== 'scheduled' && <strong> · {String(klass.status)}</strong>} ·{' '}
        <a href={`/admin/collections/classes/${classId}`}>Edit class</a> · <a href="/admin/calendar">Calendar</a>
      </p>
      <CheckInList
        classId={classId}
        tenant={tenant}
        roster={roster}
        waitlist={waitlist}
        canBook={isPlatformAdmin(user) || hasRoleIn(user, tenant, DESK_ROLES)}
      />
    </AdminPage>
  )
}
