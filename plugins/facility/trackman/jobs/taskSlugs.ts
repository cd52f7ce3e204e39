/** Jobs of the Trackman sync (slugs shared by the tasks and the code that queues them). */
export const TRACKMAN_SYNC_TASK = 'trackmanSyncReservation'
export const TRACKMAN_RECONCILE_TASK = 'trackmanReconcile'
export const TRACKMAN_IMPORT_TASK = 'facilityTrackmanImport'
