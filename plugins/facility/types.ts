/** Options of `facilityPlugin()`. */
export type FacilityOptions = {
  /** The admin group of the plugin's collections. Default `Facility`. */
  adminGroup?: string
  /** A door code opens this many minutes before the reservation starts. Default 15. */
  accessCodeLeadMinutes?: number
  /** A door code keeps working this many minutes after the reservation ends. Default 15. */
  accessCodeGraceMinutes?: number
  /** Digits of a door code. Default 6. */
  accessCodeDigits?: number
  /**
   * An unpaid fee order (`POST /api/reservations/:id/pay`) expires this many minutes after it is
   * opened, through commerce's order expiry (an online checkout lives at least Stripe's 30
   * minutes); the next pay request opens a fresh one. Default 30.
   */
  feeOrderHoldMinutes?: number
  /**
   * The Trackman sync (bookings out, session webhooks in, nightly reconcile); `false` leaves it
   * out. A tenant syncs only with a `connected` `trackman` integration connection and the
   * `facility.trackman` feature flag not switched off.
   */
  trackman?: TrackmanOptions | false
}

export type TrackmanOptions = {
  /** When the reconcile runs (Payload cron with seconds). Default `0 30 3 * * *` (03:30 UTC). */
  reconcileCron?: string
  /** The reconcile compares the next this many days. Default 14. */
  reconcileDays?: number
  /** Each HTTP call to Trackman is aborted after this long. Default 5000 ms. */
  timeoutMs?: number
  /** Attempts per Trackman operation inside one job run (the job itself is retried too). Default 3. */
  attempts?: number
  /** A webhook's signed timestamp may be this far from now. Default 300 s. */
  webhookToleranceSeconds?: number
  /** A CSV import (`facility-imports`) may be at most this many bytes (413 above). Default 512 KiB. */
  importMaxBytes?: number
  /** Rows one run of the import job processes (then it queues the next batch). Default 100. */
  importBatchSize?: number
}

export const RESOURCE_TYPES = ['simulator_bay', 'court', 'room', 'green', 'equipment'] as const
export type ResourceType = (typeof RESOURCE_TYPES)[number]

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const PRICING_MODES = ['per_bay_hour', 'per_player_split'] as const
export type PricingMode = (typeof PRICING_MODES)[number]

export const RESERVATION_STATUSES = ['requested', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show'] as const
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number]
/** Statuses that hold the bay (the exclusion constraint's WHERE) and count towards a member's active reservations. */
export const ACTIVE_STATUSES: ReservationStatus[] = ['requested', 'confirmed']

export const RESERVATION_SOURCES = ['member', 'staff'] as const
export const PARTICIPANT_TYPES = ['owner', 'member', 'guest'] as const
export const FEE_TYPES = ['bay', 'share', 'included', 'guest_fee', 'guest_pass'] as const
export type FeeType = (typeof FEE_TYPES)[number]
export const FEE_STATUSES = ['pending', 'paid', 'waived', 'void', 'refunded'] as const
export const CANCEL_REASONS = ['member', 'staff', 'closure'] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]
export const BLOCK_TYPES = ['closure', 'event', 'class', 'maintenance', 'hold'] as const

// ---- trackman import ----
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]
/** What became of an imported row. */
export const IMPORT_OUTCOMES = ['created', 'unchanged', 'unmatched', 'overlap', 'error'] as const
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number]
/** How the row's person was found among the members. */
export const IMPORT_MATCHES = ['email', 'phone', 'name', 'staff'] as const
export type ImportMatch = (typeof IMPORT_MATCHES)[number]
/** Review state: `done` needs none; `pending` is in the review queue until `resolved` or `ignored`. */
export const IMPORT_ROW_STATUSES = ['done', 'pending', 'resolved', 'ignored'] as const
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number]
// ---- /trackman import ----
