import type { Config } from 'payload'
import { subscribe, withSqlTables } from '@/core'
import { FacilityImportRows } from '../collections/FacilityImportRows'
import { FacilityImports } from '../collections/FacilityImports'
import { defaultTrackmanOptions } from '../defaults'
import type { AccessCodeOptions } from '../operations/accessCode'
import { facilityImportSqlTables } from '../operations/sql/facilitySqlTables'
import type { TrackmanOptions } from '../types'
import { ignoreImportRowEndpoint } from './import/ignoreImportRowEndpoint'
import { importProgressEndpoint } from './import/importProgressEndpoint'
import { resolveImportRowEndpoint } from './import/resolveImportRowEndpoint'
import { startImportEndpoint } from './import/startImportEndpoint'
import { trackmanImportTask } from './jobs/trackmanImportTask'
import { trackmanReconcileTask } from './jobs/trackmanReconcileTask'
import { trackmanSyncTask } from './jobs/trackmanSyncTask'
import { trackmanSubscribers } from './trackmanSubscribers'
import { trackmanWebhookEndpoint } from './trackmanWebhookEndpoint'

/**
 * The Trackman sync: its two jobs, the reservation-event subscribers and the session webhook; and
 * the CSV import of bay bookings (its collections, job and endpoints; its screen is in `withFacilityScreens`).
 */
export const withTrackman = (
  config: Config,
  options: TrackmanOptions | false,
  facility: { group: string; codes: AccessCodeOptions },
): Config => {
  if (options === false) return config
  const o = { ...defaultTrackmanOptions, ...options }
  const client = { timeoutMs: o.timeoutMs, attempts: o.attempts }
  const withImport = withSqlTables(
    {
      ...config,
      collections: [
        ...(config.collections ?? []),
        {
          ...FacilityImports(facility.group, { maxBytes: o.importMaxBytes }),
          endpoints: [startImportEndpoint({ maxBytes: o.importMaxBytes }), importProgressEndpoint],
        },
        {
          ...FacilityImportRows(facility.group),
          endpoints: [resolveImportRowEndpoint(facility.codes), ignoreImportRowEndpoint],
        },
      ],
    },
    facilityImportSqlTables,
  )
  return subscribe(
    {
      ...withImport,
      endpoints: [
        ...(withImport.endpoints ?? []),
        trackmanWebhookEndpoint({ toleranceSeconds: o.webhookToleranceSeconds }),
      ],
      jobs: {
        ...withImport.jobs,
        tasks: [
          ...(withImport.jobs?.tasks ?? []),
          trackmanSyncTask(client),
          trackmanReconcileTask({ cron: o.reconcileCron, days: o.reconcileDays, ...client }),
          trackmanImportTask({ batchSize: o.importBatchSize, codes: facility.codes }),
        ],
      },
    },
    ...trackmanSubscribers,
  )
}
