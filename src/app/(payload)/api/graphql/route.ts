/* THIS FILE WAS GENERATED AUTOMATICALLY BY PAYLOAD. */
/* DO NOT MODIFY IT BECAUSE IT COULD BE REWRITTEN AT ANY TIME. */
/* Atrium: POST is wrapped in limitBody (413 before the body is buffered). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { limitBody } from '@/core/http/limitBody'

export const POST = limitBody(GRAPHQL_POST(config))

export const OPTIONS = REST_OPTIONS(config)
