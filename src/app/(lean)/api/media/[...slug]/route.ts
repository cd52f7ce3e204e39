/* Lean endpoints under /api/media: served without Payload's REST pipeline, everything else handed to it (docs/kernel.md); bodies limited by limitBody. */
import config from '@payload-config'
import { leanRoute } from '@/core/http/lean'
import { limitBodies } from '@/core/http/limitBody'

const route = limitBodies(leanRoute(config, '/media'))

export const GET = route.GET
export const POST = route.POST
export const DELETE = route.DELETE
export const PATCH = route.PATCH
export const OPTIONS = route.OPTIONS
