/** Jobs of the HubSpot sync (slugs shared by the tasks and the code that queues them). */
export const HUBSPOT_SYNC_TASK = 'hubspotSync'
export const HUBSPOT_RECONCILE_TASK = 'hubspotReconcile'
export const HUBSPOT_ENSURE_PROPERTIES_TASK = 'hubspotEnsureProperties'
