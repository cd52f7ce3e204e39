import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, runSql } from '@/core'
import { seriesOccurrences } from '../operations/classes/seriesOccurrences'
import { classesTable } from '../operations/sql/classesTable'

type Series = Record<string, any>

/**
 * Brings one series' classes in line with its rule for the next `days` days (system work, jobs
 * only): creates missing occurrences (idempotent via U(series, startTime)), rewrites future
 * non-detached classes from the series defaults, and cancels future non-detached classes the rule
 * no longer produces. Past and detached classes are left alone.
 */
export const materializeSeries = async (req: PayloadRequest, seriesId: string, days: number, now = new Date()) => {
  const series: Series = await req.payload.findByID({
    collection: 'class-series',
    id: seriesId,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const tenant = idOf(series.tenant)!
  const to = new Date(now.getTime() + days * 86_400_000)
  const wanted =
    series.status === 'active'
      ? seriesOccurrences(
          {
            rrule: series.rrule,
            dtstart: series.dtstart,
            timezone: series.timezone ?? 'UTC',
            until: series.until,
            exdates: (series.exdates ?? []).map((e: { date: string }) => e.date),
          },
          now,
          to,
        )
      : []
  const d = series.defaults ?? {}
  const fields = {
    title: series.title,
    location: idOf(d.location) ?? null,
    instructor: idOf(d.instructor) ?? null,
    durationMinutes: d.durationMinutes ?? 60,
    capacity: d.capacity ?? 20,
    waitlistCapacity: d.waitlistCapacity ?? 10,
    kind: d.kind ?? 'class',
    deliveryMode: d.deliveryMode ?? 'in_person',
    price: d.price ?? {},
    creditCost: d.creditCost ?? null,
  }
  const c = classesTable(req)
  const existing = await runSql<{
    id: string
    start_time: Date
    detached: boolean | null
    status: string
    booked_count: number
  }>(
    req,
    sql`SELECT ${c.id} AS id, ${c.startTime} AS start_time, ${c.detached} AS detached, ${c.status} AS status, ${c.bookedCount} AS booked_count
        FROM ${c.$table} WHERE ${c.series} = ${seriesId} AND ${c.startTime} > ${now.toISOString()}::timestamptz`,
  )
  const byTime = new Map(existing.map((c) => [new Date(c.start_time).getTime(), c]))
  const wantedTimes = new Set(wanted.map((w) => w.getTime()))
  const result = { created: 0, updated: 0, cancelled: 0, failed: 0 }
  const context = { bookingsMaterializing: true }
  for (const klass of existing) {
    if (klass.detached || klass.status !== 'scheduled') continue
    try {
      if (wantedTimes.has(new Date(klass.start_time).getTime()) || series.status === 'paused') {
        if (series.status === 'paused') continue
        await req.payload.update({
          collection: 'classes',
          id: klass.id,
          data: { ...fields, capacity: Math.max(fields.capacity, Number(klass.booked_count)) },
          req,
          overrideAccess: true,
          depth: 0,
          context,
        })
        result.updated++
      } else {
        await req.payload.update({
          collection: 'classes',
          id: klass.id,
          data: { status: 'cancelled', cancellationReason: 'series_changed' },
          req,
          overrideAccess: true,
          depth: 0,
          context,
        })
        result.cancelled++
      }
    } catch (error) {
      result.failed++
      req.payload.logger.warn({ err: error, class: klass.id }, 'class-series: could not update a future class')
    }
  }
  for (const startTime of wanted) {
    if (byTime.has(startTime.getTime())) continue
    try {
      await req.payload.create({
        collection: 'classes',
        data: { ...fields, tenant, series: seriesId, startTime: startTime.toISOString(), status: 'scheduled' },
        req,
        overrideAccess: true,
        depth: 0,
        context,
      })
      result.created++
    } catch (error) {
      result.failed++
      req.payload.logger.warn(
        { err: error, series: seriesId, startTime },
        'class-series: could not create an occurrence',
      )
    }
  }
  return result
}
