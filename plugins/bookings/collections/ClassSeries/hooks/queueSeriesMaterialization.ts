import type { CollectionAfterChangeHook } from 'payload'
import { MATERIALIZE_TASK } from '../../../jobs/materializeClassSeriesTask'

/** Creating or editing a series queues its materialisation (in the same transaction). */
export const queueSeriesMaterialization: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (req.context?.bookingsMaterializing) return doc
  await req.payload.jobs.queue({ task: MATERIALIZE_TASK, input: { series: String(doc.id) }, req })
  return doc
}
