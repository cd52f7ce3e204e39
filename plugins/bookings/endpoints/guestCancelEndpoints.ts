import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { endpointHandler, escapeHtml } from '@/core'
import { cancelGuestBooking } from '../operations/guests/cancelGuestBooking'
import { findGuestBooking } from '../operations/guests/findGuestBooking'
import { localWhen } from '../operations/format/guestConfirmationMessage'

const params = z.object({ token: z.string().min(1).max(200) })
const body = z.object({}).strict()

const page = (status: number, title: string, inner: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
      `<title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style></head>` +
      `<body><h1>${escapeHtml(title)}</h1>${inner}</body></html>`,
    {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      },
    },
  )
/** A browser (the form on the page) rather than an API client. */
const wantsHtml = (req: PayloadRequest) => {
  const accept = req.headers.get('accept') ?? ''
  return accept.includes('text/html') && !accept.includes('application/json')
}
/** The platform's error answer `{ error, message }` as a page. */
const errorPage = async (response: Response) => {
  const { message } = (await response.json()) as { message?: string }
  return page(response.status, 'Nothing to cancel', `<p>${escapeHtml(message ?? 'Something went wrong.')}</p>`)
}

const confirmHandler = endpointHandler(
  async (req) => {
    const { token } = params.parse(req.routeParams)
    const booking = await findGuestBooking(req, token)
    const what = booking.collection === 'appointments' ? 'booking' : 'RSVP'
    const active = booking.status === 'going' || booking.status === 'waitlisted' || booking.status === 'booked'
    const summary = `<p>${escapeHtml(booking.business)}: <strong>${escapeHtml(booking.title)}</strong><br>${escapeHtml(localWhen(new Date(booking.startTime), booking.timezone))}</p>`
    if (!active) return page(200, `This ${what} is ${booking.status.replace('_', ' ')}`, summary)
    // A form (POST), not a link: mail scanners that open links do not cancel anything.
    return page(
      200,
      `Cancel your ${what}?`,
      `${summary}<form method="post"><button type="submit">Cancel my ${what}</button></form>`,
    )
  },
  { transaction: false },
)

const cancelHandler = endpointHandler(async (req, raw) => {
  const { token } = params.parse(req.routeParams)
  body.parse(raw)
  return cancelGuestBooking(req, { token })
})

/** GET /api/guest-bookings/cancel/:token → an HTML page naming the booking, with a button that POSTs the cancel. */
export const guestCancelPageEndpoint: Endpoint = {
  path: '/guest-bookings/cancel/:token',
  method: 'get',
  handler: async (req) => {
    const response = await confirmHandler(req)
    return response.ok ? response : errorPage(response)
  },
}

/**
 * POST /api/guest-bookings/cancel/:token → `{ cancelled: 'event-rsvps', rsvp, promoted }` or
 * `{ cancelled: 'appointments', appointment }`; a browser posting the page's form gets a page.
 */
export const guestCancelEndpoint: Endpoint = {
  path: '/guest-bookings/cancel/:token',
  method: 'post',
  handler: async (req) => {
    const response = await cancelHandler(req)
    if (!wantsHtml(req)) return response
    if (!response.ok) return errorPage(response)
    const result = (await response.json()) as { cancelled: string }
    return page(
      200,
      'Cancelled',
      `<p>Your ${result.cancelled === 'appointments' ? 'booking' : 'RSVP'} is cancelled. Thank you for letting us know.</p>`,
    )
  },
}
