import type { Payload } from 'payload'
import { getEnv } from '../env'

/**
 * Payload marks a job `processing` while a runner works on it and never looks at it again if that
 * runner dies (SIGKILL, a lost host): its events would wait forever. Before each run of the queue
 * the runner hands such jobs back: a job still processing `JOBS_LEASE_SECONDS` after its last
 * update is released to run again. Delivery is therefore at least once, and subscribers are
 * idempotent (docs/crash-safety.md). Returns how many jobs were released.
 */
export const reclaimStaleJobs = async (payload: Payload, leaseSeconds = getEnv().JOBS_LEASE_SECONDS) => {
  const cutoff = new Date(Date.now() - leaseSeconds * 1000).toISOString()
  const released = await payload.db.updateJobs({
    data: { processing: false },
    where: { and: [{ processing: { equals: true } }, { updatedAt: { less_than: cutoff } }] },
    returning: true,
  })
  if (released?.length)
    payload.logger.warn({
      msg: `released ${released.length} job(s) left processing for over ${leaseSeconds} s by a runner that stopped`,
    })
  return released?.length ?? 0
}
