import { z } from 'zod'

export const idParam = z.object({ id: z.string().uuid('must be a UUID') })
export const emptyBody = z.object({}).strict()
