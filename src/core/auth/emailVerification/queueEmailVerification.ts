import type { PayloadRequest } from 'payload'

export const SEND_EMAIL_VERIFICATION_TASK = 'sendEmailVerification'

/**
 * Queues the verification mail of `user` (linking to `tenant`'s site) in the request's
 * transaction: the job exists exactly when the change that asked for it commits, and the jobs
 * runner sends it afterwards. The job input holds ids only: the token is signed when the mail is
 * written, for the address the account has then.
 */
export const queueEmailVerification = async (
  req: PayloadRequest,
  { user, tenant }: { user: string; tenant: string },
): Promise<void> => {
  await req.payload.jobs.queue({ task: SEND_EMAIL_VERIFICATION_TASK, input: { user, tenant }, req })
}
