import { errorMessage } from './messages'
import { guestFieldInError, type GuestField } from './guestInput'

/**
 * Name, e-mail and phone of a visitor without an account, with labels and autocomplete. A refused
 * submission (`error`, one of `guestInput`'s codes) marks its field invalid and says why under it.
 */
export const GuestFields = ({ error, phoneRequired = false }: { error?: string; phoneRequired?: boolean }) => {
  const wrong = error ? guestFieldInError(error) : null
  const described = (field: GuestField, hint?: string) =>
    [hint, wrong === field ? `guest-${field}-error` : null].filter(Boolean).join(' ') || undefined
  const problem = (field: GuestField) =>
    wrong === field ? (
      <p id={`guest-${field}-error`} className="field-error">
        {errorMessage(error)}
      </p>
    ) : null
  return (
    <>
      <div className="field">
        <label htmlFor="guest-name">Your name</label>
        <input
          id="guest-name"
          name="guestName"
          autoComplete="name"
          required
          maxLength={200}
          aria-invalid={wrong === 'name' || undefined}
          aria-describedby={described('name')}
        />
        {problem('name')}
      </div>
      <div className="field">
        <label htmlFor="guest-email">E-mail</label>
        <input
          id="guest-email"
          name="guestEmail"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          aria-invalid={wrong === 'email' || undefined}
          aria-describedby={described('email', 'guest-email-hint')}
        />
        <p id="guest-email-hint" className="hint">
          We send the confirmation and a link to cancel here.
        </p>
        {problem('email')}
      </div>
      <div className="field">
        <label htmlFor="guest-phone">{phoneRequired ? 'Phone' : 'Phone (optional)'}</label>
        <input
          id="guest-phone"
          name="guestPhone"
          type="tel"
          autoComplete="tel"
          required={phoneRequired}
          maxLength={30}
          aria-invalid={wrong === 'phone' || undefined}
          aria-describedby={described('phone')}
        />
        {problem('phone')}
      </div>
    </>
  )
}
