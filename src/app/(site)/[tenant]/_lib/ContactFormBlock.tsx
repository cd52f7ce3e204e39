'use client'

import { useId, useState, type FormEvent, type ReactNode } from 'react'

export type ContactField =
  | { kind: 'text' | 'email' | 'number' | 'textarea'; name: string; label: string; required: boolean }
  | { kind: 'select'; name: string; label: string; required: boolean; options: { label: string; value: string }[] }
  | { kind: 'checkbox'; name: string; label: string; required: boolean }
  | { kind: 'message'; text: string }

type Props = {
  formId: string
  fields: ContactField[]
  submitLabel: string
  /** The form's confirmation message (rendered by the server), shown once the submission is stored. */
  confirmation: ReactNode
  redirect: string | null
}

/** The honeypot's name (`HONEYPOT_FIELD` of the website plugin): bots fill it, people never see it. */
const HONEYPOT = 'website_url'

/**
 * A form-builder form on a page: posts the answers to `POST /api/forms/:id/submit` (rate limited,
 * checked field by field there) and shows the per-field messages or the confirmation.
 */
export function ContactFormBlock({ formId, fields, submitLabel, confirmation, redirect }: Props) {
  const prefix = useId()
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const data: Record<string, string> = {}
    for (const field of fields) {
      if (field.kind === 'message') continue
      data[field.name] =
        field.kind === 'checkbox' ? String(form.get(field.name) === 'on') : String(form.get(field.name) ?? '')
    }
    data[HONEYPOT] = String(form.get(HONEYPOT) ?? '')
    setState('sending')
    setFailure(null)
    try {
      const response = await fetch(`/api/forms/${formId}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data }),
      })
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string }
      if (response.ok) {
        if (redirect) window.location.assign(redirect)
        setState('sent')
        return
      }
      const fieldErrors: Record<string, string> = {}
      // `invalid_input`: "data.<field>: <message>; data.<other>: <message>".
      if (body.error === 'invalid_input')
        for (const part of (body.message ?? '').split('; ')) {
          const match = /^data\.([^:]+): (.+)$/.exec(part)
          if (match) fieldErrors[match[1]] = match[2]
        }
      setErrors(fieldErrors)
      setFailure(
        response.status === 429
          ? 'Too many messages from this address: please try again in a few minutes.'
          : Object.keys(fieldErrors).length
            ? 'Please check the fields marked below.'
            : (body.message ?? 'The message could not be sent. Please try again.'),
      )
    } catch {
      setFailure('The message could not be sent. Please check your connection and try again.')
    }
    setState('idle')
  }

  if (state === 'sent')
    return (
      <div className="flash flash-ok" role="status">
        {confirmation}
      </div>
    )

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {failure ? (
        <p className="flash flash-error" role="alert">
          {failure}
        </p>
      ) : null}
      {fields.map((field, index) => {
        if (field.kind === 'message')
          return (
            <p key={`message-${index}`} className="hint">
              {field.text}
            </p>
          )
        const id = `${prefix}-${field.name}`
        const error = errors[field.name]
        const described = error ? `${id}-error` : undefined
        const common = {
          id,
          name: field.name,
          required: field.required,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': described,
        }
        const label = `${field.label}${field.required ? ' (required)' : ''}`
        return (
          <div key={field.name} className={field.kind === 'checkbox' ? 'field check' : 'field'}>
            {field.kind === 'checkbox' ? (
              <label htmlFor={id}>
                <input type="checkbox" {...common} /> {label}
              </label>
            ) : (
              <>
                <label htmlFor={id}>{label}</label>
                {field.kind === 'textarea' ? (
                  <textarea rows={5} {...common} />
                ) : field.kind === 'select' ? (
                  <select {...common} defaultValue="">
                    <option value="">Choose…</option>
                    {field.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input type={field.kind} autoComplete={field.kind === 'email' ? 'email' : undefined} {...common} />
                )}
              </>
            )}
            {error ? (
              <p id={described} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        )
      })}
      <div className="sr-only" aria-hidden="true">
        <label htmlFor={`${prefix}-${HONEYPOT}`}>Leave this empty</label>
        <input id={`${prefix}-${HONEYPOT}`} name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="button" disabled={state === 'sending'}>
        {state === 'sending' ? 'Sending…' : submitLabel}
      </button>
    </form>
  )
}
