import type { AfterErrorHook } from 'payload'
import { isDatabaseUnavailable } from './isDatabaseUnavailable'

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable right now; try again in a few seconds.'

/**
 * Payload's REST and GraphQL errors (`config.hooks.afterError`): a database that is down,
 * restarting or timing out answers 503 with a clear message instead of 500 "Something went wrong".
 */
export const databaseUnavailableHook: AfterErrorHook = ({ error }) =>
  isDatabaseUnavailable(error)
    ? { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
    : undefined
