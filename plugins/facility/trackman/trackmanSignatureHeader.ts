/** The header a Trackman webhook is signed in, with the kernel's timestamped HMAC scheme (`signTimestamped`). */
export const TRACKMAN_SIGNATURE_HEADER = 'x-trackman-signature'
