/* THIS FILE WAS GENERATED AUTOMATICALLY BY PAYLOAD. */
/* DO NOT MODIFY IT BECAUSE IT COULD BE REWRITTEN AT ANY TIME. */
/* Atrium: each handler with a body is wrapped in limitBody (413 before the body is buffered); a test in src/app checks it. */
import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
} from '@payloadcms/next/routes'
import { limitBody } from '@/core/http/limitBody'

export const GET = REST_GET(config)
export const POST = limitBody(REST_POST(config))
export const DELETE = limitBody(REST_DELETE(config))
export const PATCH = limitBody(REST_PATCH(config))
export const OPTIONS = REST_OPTIONS(config)
