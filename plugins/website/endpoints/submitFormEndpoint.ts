import type { Endpoint } from 'payload'
import { endpointHandler, OperationError } from '@/core'
import { formSubmitInput } from '../contract'
import { submitForm } from '../operations/submitForm'

/** `POST /api/forms/:id/submit`: a visitor's submission (rate limited, honeypot, field checks); 201 with its id. */
export const submitFormEndpoint = (limit: { max: number; windowSeconds: number }): Endpoint => ({
  path: '/:id/submit',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => {
      const id = req.routeParams?.id
      if (typeof id !== 'string') throw new OperationError(404, 'not_found', 'This form does not exist.')
      return submitForm(req, id, formSubmitInput.parse(body), limit)
    },
    { status: 201 },
  ),
})
