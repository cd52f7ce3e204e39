/** Options of `marketingPlugin()`. */
export type MarketingOptions = {
  /** The admin group of the plugin's collections. Default `Marketing`. */
  adminGroup?: string
}
