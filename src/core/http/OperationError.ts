import { APIError } from 'payload'

/**
 * A refusal an operation reports to its caller: HTTP status, stable machine code, and a sentence
 * for people. It is a Payload `APIError` (public, with `data.code`), so Payload's own REST and
 * GraphQL handlers show it too when it is thrown from a hook or an access function.
 */
export class OperationError extends APIError<{ code: string }> {
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message, status, { code }, true)
    this.name = 'OperationError'
    this.code = code
  }
}
