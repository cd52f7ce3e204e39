import type { Plugin } from 'payload'
import { Bookings } from './collections/Bookings'
import { Classes } from './collections/Classes'
import { ClassSeries } from './collections/ClassSeries'
import { defaultOptions } from './defaults'
import { scheduleEndpoint } from './endpoints/scheduleEndpoint'
import { bookingSettingsField } from './fields/bookingSettingsField'
import { completeClassesTask } from './jobs/completeClassesTask'
import { materializeClassSeriesTask } from './jobs/materializeClassSeriesTask'
import type { BookingsOptions } from './types'

export type { BookingsOptions } from './types'

/** Class series, classes, bookings, waitlists and check-in (see README.md). */
export const bookingsPlugin =
  (options: BookingsOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultOptions, ...options }
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === 'tenant-settings' ? { ...collection, fields: [...collection.fields, bookingSettingsField()] } : collection,
    )
    return {
      ...config,
      collections: [...collections, ClassSeries(), Classes(), Bookings()],
      endpoints: [...(config.endpoints ?? []), scheduleEndpoint],
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          materializeClassSeriesTask({ days: o.materializeDaysAhead, cron: o.materializeCron, queue: o.queue }),
          completeClassesTask({ cron: o.completeCron, queue: o.queue }),
        ],
      },
    }
  }
