import type { Payload } from 'payload'
import { getEnv } from '../env'

/**
 * Runs long work inside a job while keeping the job's lease: every third of `JOBS_LEASE_SECONDS`
 * the job row is touched, so `reclaimStaleJobs` does not hand a transcode that is still running to
 * another worker. If the process dies the touching stops and the job is released as usual.
 */
export const withJobLease = async <T>(
  payload: Payload,
  jobId: string | number | undefined,
  work: () => Promise<T>,
): Promise<T> => {
  if (jobId === undefined) return work()
  const every = Math.max(250, (getEnv().JOBS_LEASE_SECONDS * 1000) / 3)
  const timer = setInterval(() => {
    payload.db
      .updateJobs({ id: jobId, data: { processing: true, updatedAt: new Date().toISOString() }, returning: false })
      .catch((error: unknown) => payload.logger.warn({ err: error, msg: `job ${jobId}: lease not renewed` }))
  }, every)
  try {
    return await work()
  } finally {
    clearInterval(timer)
  }
}
