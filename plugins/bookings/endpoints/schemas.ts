import { z } from 'zod'

export const uuid = z.string().uuid('must be a UUID')
export const idParam = z.object({ id: uuid })

/** Reads a JSON body that may be empty. */
export const jsonBody = async (req: { json?: () => Promise<unknown> }): Promise<unknown> => {
  try {
    return (await req.json?.()) ?? {}
  } catch {
    return {}
  }
}
