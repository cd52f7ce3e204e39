import { errorMessage } from './messages'

/** The outcome of the last form action: an error (role=alert) or a confirmation (role=status). */
export const Flash = ({ error, success }: { error?: string; success?: string | null }) => {
  const message = errorMessage(error)
  if (message)
    return (
      <p className="flash flash-error" role="alert">
        {message}
      </p>
    )
  if (success)
    return (
      <p className="flash flash-ok" role="status">
        {success}
      </p>
    )
  return null
}
