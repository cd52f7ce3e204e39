/** What the site says for the outcome codes its form actions put in the query string. */
const ERRORS: Record<string, string> = {
  invalid_input: 'Please check the form: something is missing or not valid.',
  invalid_credentials: 'That email and password do not match an account.',
  locked: 'This account is locked for a few minutes after too many attempts. Try again later or reset your password.',
  rate_limited: 'Too many attempts from your connection. Please wait a minute and try again.',
  weak_password: 'Choose a password of at least 8 characters.',
  email_taken: 'An account with this email already exists. Log in with it, and you can join this studio in one step.',
  signup_failed: 'We could not create your account just now. Please try again.',
  invalid_token: 'This reset link is not valid any more (links work once, for one hour). Ask for a new one.',
  tenant_closed: 'This studio is not taking new members right now.',
  membership_archived: 'Your membership of this studio was closed; please contact the studio.',
  invalid_name: 'Please enter your name.',
  invalid_phone: 'A phone number may contain digits, spaces and + ( ) . - only.',
  already_booked: 'You already have a place (or a waitlist spot) in this class.',
  class_full: 'This class and its waitlist are full.',
  class_cancelled: 'This class has been cancelled.',
  class_started: 'This class has already started.',
  outside_booking_window: 'This class is not open for booking yet.',
  not_cancellable: 'This booking can no longer be cancelled.',
  not_found: 'We could not find that booking or class.',
  forbidden: 'You cannot book this class with your membership.',
  unauthenticated: 'Please log in first.',
  unavailable: 'Online booking is not available here.',
}

export const errorMessage = (code: string | undefined): string | null =>
  code ? (ERRORS[code] ?? (code.startsWith('insufficient') || code.includes('credit') ? 'You do not have enough credits for this class.' : 'That did not work. Please try again, or contact the studio.')) : null

export const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? ''
