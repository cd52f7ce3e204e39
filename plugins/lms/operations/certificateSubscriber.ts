import type { Subscriber } from '@/core'
import { issueCertificate } from './certificates'

/** `course.completed` → the enrolment's one certificate (delivered through the jobs queue). */
export const certificateSubscriber: Subscriber<'course.completed'> = {
  name: 'lms.issueCertificate',
  event: 'course.completed',
  handler: async (event, { req }) => {
    if (!event.tenant) return
    await issueCertificate(req, { tenant: event.tenant, data: event.data })
  },
}
