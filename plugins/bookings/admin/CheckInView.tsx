import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { DESK_ROLES, hasRoleIn, idOf, isPlatformAdmin } from '@/core'
import type { Booking } from '@/payload-types'
import { CheckInList, type RosterEntry } from './CheckInList'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

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
    ? await payload
        .findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: false, req })
        .catch(() => null)
    : null
  const tenant = klass ? (idOf(klass.tenant) ?? '') : ''
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
  const docs = bookings.docs
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
    for (const m of found.docs)
      members.set(m.id, { name: m.profile?.displayName || m.email || 'Member', email: m.email ?? '' })
  }
  const entry = (b: Booking): RosterEntry => ({
    id: b.id,
    member: String(b.member),
    name: members.get(String(b.member))?.name ?? 'Member',
    email: members.get(String(b.member))?.email ?? '',
    status: b.status,
    waitlistPosition: b.waitlistPosition ?? null,
  })
  const roster = docs
    .filter((b) => b.status !== 'waitlisted')
    .map(entry)
    .sort((a, b) => a.name.localeCompare(b.name))
  const waitlist = docs
    .filter((b) => b.status === 'waitlisted')
    .map(entry)
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))
  const zone = klass.timezone || 'UTC'
  const when = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(klass.startTime))
  return (
    <AdminPage view={view} title={`Check-in: ${klass.title}`} className="staff-check-in">
      <p>
        {when} · {klass.bookedCount ?? 0}/{klass.capacity ?? 0} booked · waitlist {klass.waitlistCount ?? 0}/
        {klass.waitlistCapacity ?? 0}
        {klass.status !== 'scheduled' && <strong> · {klass.status}</strong>} ·{' '}
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
