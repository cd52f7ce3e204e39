import { z } from 'zod'

export const uuid = z.string().uuid('must be a UUID')
export const idParam = z.object({ id: uuid })
