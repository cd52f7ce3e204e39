import type { Config } from 'payload'
import { subscribe } from '@/core'
import { defaultTrackmanOptions } from '../defaults'
import type { TrackmanOptions } from '../types'
import { trackmanReconcileTask } from './jobs/trackmanReconcileTask'
import { trackmanSyncTask } from './jobs/trackmanSyncTask'
import { trackmanSubscribers } from './trackmanSubscribers'
import { trackmanWebhookEndpoint } from './trackmanWebhookEndpoint'

/** The Trackman sync: its two jobs, the reservation-event subscribers and the session webhook. */
export const withTrackman = (config: Config, options: TrackmanOptions | false): Config => {
  if (options === false) return config
  const o = { ...defaultTrackmanOptions, ...options }
  const client = { timeoutMs: o.timeoutMs, attempts: o.attempts }
  return subscribe(
    {
      ...config,
      endpoints: [
        ...(config.endpoints ?? []),
        trackmanWebhookEndpoint({ toleranceSeconds: o.webhookToleranceSeconds }),
      ],
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          trackmanSyncTask(client),
          trackmanReconcileTask({ cron: o.reconcileCron, days: o.reconcileDays, ...client }),
        ],
      },
    },
    ...trackmanSubscribers,
  )
}
