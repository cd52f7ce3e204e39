/** The commerce plugin's options. */
export type CommerceOptions = {
  /** When lots past their expiry are written off (six-field cron, seconds first). */
  expireCreditsCron?: string
  /** How often pending orders whose hold is over are released. */
  expireOrdersCron?: string
  /** The jobs queue of its scheduled work. */
  queue?: string
}
