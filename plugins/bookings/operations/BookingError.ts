import { APIError } from 'payload'

/** A refusal with an HTTP status, a stable code and a sentence for people. */
export class BookingError extends APIError<{ code: string }> {
  code: string
  constructor(status: number, code: string, reason: string) {
    super(reason, status, { code }, true)
    this.code = code
  }
}
