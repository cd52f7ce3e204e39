/** A refusal an operation reports to its caller: HTTP status, stable code, human message. */
export class OperationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'OperationError'
  }
}
