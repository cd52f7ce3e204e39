/** What the site says for the outcome codes its form actions put in the query string. */
const ERRORS: Record<string, string> = {
  invalid_input: 'Please check the form: something is missing or not valid.',
  invalid_credentials: 'That email and password do not match an account.',
  locked: 'This account is locked for a few minutes after too many attempts. Try again later or reset your password.',
  rate_limited: 'Too many attempts from your connection. Please wait a few minutes and try again.',
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
  outside_booking_window: 'That is not open for booking yet: choose an earlier date.',
  not_cancellable: 'This booking can no longer be cancelled.',
  not_found: 'We could not find that booking or class.',
  forbidden: 'You cannot book this class with your membership.',
  unauthenticated: 'Please log in first.',
  unavailable: 'This is not available online here.',
  not_offered: 'There is no place on offer to claim for this booking.',
  offer_expired: 'The offer has expired, so the place went to the next person on the waitlist.',
  stripe_not_configured: 'This studio does not take online payments yet: reserve now and pay at the front desk.',
  no_stripe_customer:
    'You have not paid online here yet, so there is nothing to manage online. Please ask at the front desk.',
  stripe_error: 'The payment service did not answer. Please try again in a moment.',
  already_subscribed: 'You already have this membership. You can see it in your account.',
  reservation_exists: 'You already reserved this membership: pay for it at the front desk.',
  plan_inactive: 'This membership is not sold any more.',
  price_not_found: 'This price is not available any more.',
  price_not_recurring: 'This membership is sold at the front desk.',
  product_inactive: 'This item is not for sale right now.',
  out_of_stock:
    'Not enough of this item is left: the last ones may be held by someone paying for them right now. Choose a smaller quantity or try again later.',
  not_a_member: 'Join this studio first.',
  // ---- email verification ----
  email_unverified:
    'Verify your e-mail address before buying courses or content: open the link we mailed you, or send a new one from your account page.',
  already_verified: 'Your e-mail address is already verified.',
  // ---- /email verification ----
  service_inactive: 'This service cannot be booked right now.',
  provider_not_offered: 'That person does not offer this service.',
  provider_not_found: 'That person does not offer this service.',
  too_late: 'That time is too soon to book. Please choose a later time.',
  outside_availability: 'That time is not available any more. Please choose another.',
  slot_taken: 'Someone just booked that time. Please choose another.',
  appointment_started: 'This appointment has already started.',
  slot_full: 'Every place at that time was just taken. Please choose another.',
  invalid_quantity: 'Choose a quantity from 1 to 10.',
  // ---- pricing offers ----
  coupon_not_found: 'This offer’s code is not valid here any more. You can still buy at the usual price.',
  coupon_inactive: 'This offer has been withdrawn. You can still buy at the usual price.',
  coupon_expired: 'This offer has ended. You can still buy at the usual price.',
  coupon_not_started: 'This offer has not started yet.',
  coupon_exhausted: 'This offer has been used up: the last one was just taken. You can still buy at the usual price.',
  coupon_member_limit: 'You have already used this offer as often as it allows.',
  coupon_not_applicable: 'This offer does not apply to that item. Choose another one, or buy at the usual price.',
  coupon_currency: 'This offer does not apply to that item. Choose another one, or buy at the usual price.',
  // ---- /pricing offers ----
  already_rsvped: 'You already have an RSVP (or a waitlist spot) for this event.',
  guest_already_rsvped:
    'This e-mail address already has an RSVP (or a waitlist spot) for this event. To change it, cancel with the link in its confirmation e-mail and RSVP again.',
  event_full: 'There are not enough places left at this event (and no room on its waitlist). Try with fewer guests.',
  rsvp_closed: 'RSVPs for this event are closed.',
  event_started: 'This event has already started.',
  event_cancelled: 'This event has been cancelled.',
  event_not_open: 'This event is not open for RSVPs.',
  too_many_guests: 'That is more guests than this event allows.',
  invalid_guest_name: 'Please enter your name.',
  invalid_guest_email: 'Please enter a valid e-mail address: we send the confirmation and the cancel link there.',
  invalid_guest_phone: 'Please enter a phone number we can reach you on (digits, spaces and + ( ) . / - only).',
  guest_rsvp_closed: 'This event takes RSVPs from members only: log in or create an account to RSVP.',
  guest_booking_closed: 'This can only be booked with an account: log in or create an account to book.',
  guest_limit_reached:
    'This e-mail address already has as many upcoming bookings here as a guest may hold. Cancel one with the link in its confirmation e-mail, or create an account to book more.',
  closed: 'The club is closed (or that bay is blocked) for part of that time. Please choose another.',
  too_many_active: 'You already hold as many upcoming reservations as the club allows. Cancel one to book another.',
  in_the_past: 'That time has already started. Please choose a later one.',
  resource_inactive: 'That bay cannot be booked at the moment.',
  outside_opening_hours: 'That runs outside the opening hours. Choose a shorter time or an earlier start.',
  off_slot: 'Choose a start time and length from the grid.',
  invalid_duration: 'That length is not allowed for this bay. Choose a shorter or longer one.',
  over_capacity: 'That is more players than the bay takes.',
  duplicate_participant: 'Each player can be added once.',
  not_active: 'This reservation is no longer active.',
  started: 'This reservation has already started, so it can no longer be cancelled online.',
  // ---- facility commerce ----
  not_payable: 'This reservation has no fee left to pay.',
  payments_unavailable: 'The club does not take online payments: please pay at the club.',
  not_enrolled: 'Enrol in the course first.',
  lesson_locked: 'This lesson is not open yet.',
  no_access: 'This course is for those who bought it: buy it to enrol.',
  expired: 'Your access to this course has expired.',
  revoked: 'Your access to this course was withdrawn.',
  calendar_failed: 'We could not change your calendar link just now. Please try again.',
}

export const errorMessage = (code: string | undefined): string | null =>
  code
    ? (ERRORS[code] ??
      (code.startsWith('insufficient') || code.includes('credit')
        ? 'You do not have enough credits for this class.'
        : 'That did not work. Please try again, or contact the studio.'))
    : null

export const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? ''
