import { callEndpoint as callKernelEndpoint, findEndpoint, type CallEndpointOptions, type EndpointAnswer } from '@/core'
import { payloadInstance } from './site'

export type { EndpointAnswer }

/** Whether an endpoint is installed (a page leaves out what its plugin does not offer). */
export const hasEndpoint = async (
  collection: string | undefined,
  path: string,
  method: CallEndpointOptions['method'],
): Promise<boolean> => Boolean(findEndpoint(await payloadInstance(), collection, path, method))

/**
 * Calls one of the app's own REST endpoints in-process, as the visitor (`user`, or anonymous): the
 * kernel's `callEndpoint` on the site's Payload instance. An endpoint that is not installed (its
 * plugin removed) answers 404 `unavailable`.
 */
export const callEndpoint = async <T = Record<string, unknown>>(
  options: CallEndpointOptions,
): Promise<EndpointAnswer<T>> => callKernelEndpoint<T>(await payloadInstance(), options)
