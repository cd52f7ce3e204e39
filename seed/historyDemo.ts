import { createHash, randomUUID } from 'node:crypto'
import type { CollectionSlug, Payload, Where } from 'payload'
import { postgresAdapterOf } from '../src/core/db/postgresAdapterOf'
import type { Role } from '../src/core/access/roles'
import { fromWallTime, localDate } from '../src/core/time/zonedTime'
import { DEMO_PASSWORD, DEMO_TENANTS, demoEmail, type DemoTenant } from './demoTenants'

type Doc = { id: string; [key: string]: any }
type Row = Record<string, unknown>

/** Multi-row inserts into a table of the adapter's Drizzle schema (keys are its column properties). */
const insertRows = async (payload: Payload, table: string, rows: Row[]) => {
  const db = postgresAdapterOf(payload)
  for (let i = 0; i < rows.length; i += 500) await db.drizzle.insert(db.tables[table]).values(rows.slice(i, i + 500))
}

const DAY = 86_400_000
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']

/** Extra members who make a studio's history: regulars on memberships or packs, lapsed, new, never seen. */
export const HISTORY_MEMBERS = [
  ...['Ava Brooks', 'Liam Chen', 'Sofia Diaz', 'Ethan Evans', 'Zoe Foster', 'Lucas Garcia'].map((name) => ({
    name,
    kind: 'membership' as const,
  })),
  ...['Mia Hughes', 'Owen Ito', 'Ella Jones', 'Leo King', 'Aria Lopez', 'Kai Moreau'].map((name) => ({
    name,
    kind: 'pack' as const,
  })),
  ...['Nina Novak', 'Omar Patel', 'Ruby Quinn'].map((name) => ({ name, kind: 'lapsed' as const })),
  ...['Sam Rivera', 'Tara Singh'].map((name) => ({ name, kind: 'new' as const })),
  { name: 'Uma Vance', kind: 'never' as const },
]
type HistoryMember = (typeof HISTORY_MEMBERS)[number] & { id: string; index: number }

/** A fixed number in [0, 1) for a key: the same history on every run. */
const chance = (key: string) => createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32

const keyOf = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '.')

const find = async (payload: Payload, collection: CollectionSlug, where: Where, limit = 1) =>
  (await payload.find({ collection, where, limit, depth: 0, pagination: false })).docs as Doc[]

/** `YYYY-MM-DD` plus days. */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

/** Starts of a weekly series (`FREQ=WEEKLY;BYDAY=…`, local `dtstart`) between `from` (a date) and `now`. */
const weeklyStarts = (series: Doc, from: string, now: Date): Date[] => {
  const days = /BYDAY=([A-Z,]+)/.exec(series.rrule ?? '')?.[1]?.split(',') ?? []
  const [startDate, time = '00:00'] = String(series.dtstart).split('T')
  const [hour, minute] = time.split(':').map(Number)
  const zone = series.timezone ?? 'UTC'
  const starts: Date[] = []
  for (let date = from; date <= localDate(now, zone); date = plusDays(date, 1)) {
    if (date < startDate || !days.includes(WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()])) continue
    const [year, month, day] = date.split('-').map(Number)
    const start = fromWallTime({ year, month, day, hour, minute }, zone)
    if (start < now) starts.push(start)
  }
  return starts
}

const ensureMembers = async (payload: Payload, demo: DemoTenant, tenant: string, now: Date) => {
  const members: HistoryMember[] = []
  for (const [index, person] of HISTORY_MEMBERS.entries()) {
    const email = demoEmail(demo.slug, keyOf(person.name))
    const user =
      (await find(payload, 'users', { email: { equals: email } }))[0] ??
      ((await payload.create({
        collection: 'users',
        data: { email, name: person.name, password: DEMO_PASSWORD },
      })) as Doc)
    let membership = (
      await find(payload, 'tenant-memberships', {
        and: [{ tenant: { equals: tenant } }, { user: { equals: user.id } }],
      })
    )[0]
    if (!membership) {
      const joinedDaysAgo = person.kind === 'new' ? 3 - (index % 2) : 70 + index
      membership = (await payload.create({
        collection: 'tenant-memberships',
        data: {
          tenant,
          user: user.id,
          roles: ['member'] as Role[],
          status: 'active',
          profile: { displayName: person.name },
          joinedAt: new Date(now.getTime() - joinedDaysAgo * DAY).toISOString(),
        },
      })) as Doc
    }
    members.push({ ...person, id: String(membership.id), index })
  }
  return members
}

/** Who may have come to a class that started `ageDays` ago. */
const mayAttend = (member: HistoryMember, ageDays: number) =>
  member.kind === 'membership' || member.kind === 'pack'
    ? true
    : member.kind === 'lapsed'
      ? ageDays > 35
      : member.kind === 'new'
        ? ageDays < 2.5
        : false

type Visit = { member: HistoryMember; status: 'checked_in' | 'no_show' | 'late_cancelled' }

/**
 * Eight weeks of a studio's past for every demo tenant, plus the days of this week already gone:
 * the past classes of its weekly series (completed), bookings with attendance (mostly checked in,
 * some no-shows and late cancellations), members on memberships and on class packs (their credit
 * lots, each credit spent in the ledger), drop-in payments, monthly membership payments, a failed
 * payment and a past-due subscription. Everything is derived from fixed hashes of the tenant and
 * the class time, so a second run, or a run on a later day, adds only the classes now due.
 */
export const seedHistoryDemo = async (
  payload: Payload,
  { now = new Date(), weeks = 8 }: { now?: Date; weeks?: number } = {},
): Promise<{ created: number }> => {
  let created = 0
  const db = payload.db
  for (const demo of DEMO_TENANTS) {
    const tenant = (await find(payload, 'tenants', { slug: { equals: demo.slug } }))[0]
    if (!tenant) continue
    const members = await ensureMembers(payload, demo, String(tenant.id), now)
    const today = localDate(now, tenant.timezone)
    const monday = plusDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7))
    const from = plusDays(monday, -7 * weeks)
    const [fromYear, fromMonth, fromDay] = from.split('-').map(Number)
    const historyStart = fromWallTime(
      { year: fromYear, month: fromMonth, day: fromDay, hour: 0, minute: 0 },
      tenant.timezone,
    )

    // Credit lots of the pack members: one 50-class pack each, bought when the history starts.
    const lots = new Map<string, Doc>()
    for (const member of members.filter((m) => m.kind === 'pack')) {
      let lot = (
        await find(payload, 'credit-lots', {
          and: [{ member: { equals: member.id } }, { source: { equals: 'import' } }],
        })
      )[0]
      if (!lot) {
        const boughtAt = historyStart.toISOString()
        lot = (await db.create({
          collection: 'credit-lots',
          data: {
            tenant: tenant.id,
            member: member.id,
            creditType: 'class',
            source: 'import',
            initialCredits: 50,
            remainingCredits: 50,
            pricePaid: { amount: 45000, currency: demo.currency },
            expiresAt: new Date(historyStart.getTime() + 365 * DAY).toISOString(),
            createdAt: boughtAt,
            updatedAt: boughtAt,
          },
        })) as Doc
        await db.create({
          collection: 'credit-ledger',
          data: {
            tenant: tenant.id,
            member: member.id,
            lot: lot.id,
            creditType: 'class',
            type: 'earned_purchase',
            amount: 50,
            balanceAfter: 50,
            description: '50-class pack',
            createdAt: boughtAt,
            updatedAt: boughtAt,
          },
        })
        await db.create({
          collection: 'payments',
          data: {
            tenant: tenant.id,
            member: member.id,
            purpose: 'order',
            provider: 'terminal',
            method: 'card',
            amount: { amount: 45000, currency: demo.currency },
            amountRefunded: 0,
            status: 'succeeded',
            createdAt: boughtAt,
            updatedAt: boughtAt,
          },
        })
        created += 3
      }
      lots.set(member.id, lot)
    }

    // Past classes, their bookings, credit spending and drop-in payments: collected, then written in
    // a few multi-row inserts through the adapter's Drizzle schema (no hooks: this is imported history).
    const rows = { classes: [] as Row[], bookings: [] as Row[], ledger: [] as Row[], payments: [] as Row[] }
    for (const series of await find(payload, 'class-series', { tenant: { equals: tenant.id } }, 100)) {
      const starts = weeklyStarts(series, from, now)
      if (starts.length === 0) continue
      const have = new Set(
        (
          await find(
            payload,
            'classes',
            {
              and: [{ series: { equals: series.id } }, { startTime: { greater_than_equal: starts[0].toISOString() } }],
            },
            1000,
          )
        ).map((c) => new Date(c.startTime).getTime()),
      )
      const d = series.defaults ?? {}
      for (const start of starts) {
        if (have.has(start.getTime())) continue
        const key = `${demo.slug}:${series.id}:${start.toISOString()}`
        const ageDays = (now.getTime() - start.getTime()) / DAY
        const capacity = Number(d.capacity ?? 20)
        const wanted = Math.min(capacity, Math.round(capacity * (0.3 + 0.45 * chance(`${key}:fill`))))
        const visits: Visit[] = members
          .filter((member) => mayAttend(member, ageDays))
          .map((member) => ({ member, rank: chance(`${key}:${member.id}`) }))
          .sort((a, b) => a.rank - b.rank)
          .slice(0, wanted)
          .map(({ member }) => {
            const roll = chance(`${key}:${member.id}:attended`)
            return { member, status: roll < 0.86 ? 'checked_in' : roll < 0.94 ? 'no_show' : 'late_cancelled' }
          })
        const durationMinutes = Number(d.durationMinutes ?? 60)
        const startIso = start.toISOString()
        const ended = start.getTime() + durationMinutes * 60_000 <= now.getTime()
        const classId = randomUUID()
        rows.classes.push({
          id: classId,
          tenant: tenant.id,
          series: series.id,
          title: series.title,
          location: d.location ?? null,
          instructor: d.instructor ?? null,
          startTime: startIso,
          endTime: new Date(start.getTime() + durationMinutes * 60_000).toISOString(),
          timezone: series.timezone,
          durationMinutes,
          capacity,
          waitlistCapacity: Number(d.waitlistCapacity ?? 5),
          bookedCount: visits.filter((v) => v.status !== 'late_cancelled').length,
          waitlistCount: 0,
          status: ended ? 'completed' : 'scheduled',
          kind: d.kind ?? 'class',
          deliveryMode: d.deliveryMode ?? 'in_person',
          createdAt: new Date(start.getTime() - 28 * DAY).toISOString(),
          updatedAt: startIso,
        })
        for (const visit of visits) {
          const { member } = visit
          const paymentMethod =
            member.kind === 'membership' ? 'membership' : member.kind === 'pack' ? 'credits' : 'drop_in'
          const bookedAt = new Date(start.getTime() - (1 + 5 * chance(`${key}:${member.id}:early`)) * DAY).toISOString()
          const bookingId = randomUUID()
          rows.bookings.push({
            id: bookingId,
            tenant: tenant.id,
            class: classId,
            member: member.id,
            startTime: startIso,
            status: visit.status,
            attendanceType: 'in_person',
            paymentMethod,
            source: 'member',
            checkedInAt: visit.status === 'checked_in' ? new Date(start.getTime() - 5 * 60_000).toISOString() : null,
            cancelledAt:
              visit.status === 'late_cancelled' ? new Date(start.getTime() - 2 * 3_600_000).toISOString() : null,
            createdAt: bookedAt,
            updatedAt: startIso,
          })
          const lot = lots.get(member.id)
          if (
            paymentMethod === 'credits' &&
            visit.status !== 'late_cancelled' &&
            lot &&
            Number(lot.remainingCredits) > 0
          ) {
            lot.remainingCredits = Number(lot.remainingCredits) - 1
            rows.ledger.push({
              id: randomUUID(),
              tenant: tenant.id,
              member: member.id,
              lot: lot.id,
              creditType: 'class',
              type: 'spent_booking',
              amount: -1,
              balanceAfter: lot.remainingCredits,
              refCollection: 'bookings',
              refId: bookingId,
              createdAt: bookedAt,
              updatedAt: bookedAt,
            })
          }
          if (paymentMethod === 'drop_in')
            rows.payments.push({
              id: randomUUID(),
              tenant: tenant.id,
              member: member.id,
              purpose: 'other',
              refCollection: 'bookings',
              refId: bookingId,
              provider: chance(`${key}:${member.id}:cash`) < 0.3 ? 'cash' : 'terminal',
              amount_amount: 2500,
              amount_currency: demo.currency,
              amountRefunded: 0,
              status: 'succeeded',
              createdAt: startIso,
              updatedAt: startIso,
            })
        }
      }
    }
    await insertRows(payload, 'classes', rows.classes)
    await insertRows(payload, 'bookings', rows.bookings)
    await insertRows(payload, 'credit_ledger', rows.ledger)
    await insertRows(payload, 'payments', rows.payments)
    for (const lot of lots.values())
      await db.updateOne({ collection: 'credit-lots', id: lot.id, data: { remainingCredits: lot.remainingCredits } })
    created += rows.classes.length + rows.bookings.length + rows.ledger.length + rows.payments.length

    // Membership payments on the 1st of each month of the history, and what the desk must chase.
    for (const member of members.filter((m) => m.kind === 'membership' || m.kind === 'lapsed')) {
      for (let month = 0; month < 3; month++) {
        const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - month, 1, 15))
        if (first < historyStart || first > now) continue
        const failed = member.kind === 'lapsed' && month === 0
        const at = first.toISOString()
        const exists = await find(payload, 'payments', {
          and: [
            { member: { equals: member.id } },
            { purpose: { equals: 'subscription' } },
            { createdAt: { equals: at } },
          ],
        })
        if (exists.length) continue
        await db.create({
          collection: 'payments',
          data: {
            tenant: tenant.id,
            member: member.id,
            purpose: 'subscription',
            provider: 'manual',
            method: 'card on file',
            amount: { amount: 12900, currency: demo.currency },
            amountRefunded: 0,
            status: failed ? 'failed' : 'succeeded',
            failureReason: failed ? 'card_declined' : null,
            createdAt: at,
            updatedAt: at,
          },
        })
        created++
      }
    }
    const plan = (
      await find(payload, 'membership-plans', {
        and: [{ tenant: { equals: tenant.id } }, { name: { equals: 'Unlimited' } }],
      })
    )[0]
    const lapsed = members.find((m) => m.kind === 'lapsed')
    if (plan && lapsed && !(await find(payload, 'subscriptions', { member: { equals: lapsed.id } })).length) {
      const start = new Date(now.getTime() - 40 * DAY).toISOString()
      await db.create({
        collection: 'subscriptions',
        data: {
          tenant: tenant.id,
          member: lapsed.id,
          plan: plan.id,
          priceKey: plan.prices?.[0]?.key ?? 'monthly',
          status: 'past_due',
          provider: 'manual',
          currentPeriodStart: start,
          currentPeriodEnd: new Date(now.getTime() - 10 * DAY).toISOString(),
          dunningStage: 'retrying',
          createdAt: start,
          updatedAt: new Date(now.getTime() - 9 * DAY).toISOString(),
        },
      })
      created++
    }
  }
  return { created }
}
