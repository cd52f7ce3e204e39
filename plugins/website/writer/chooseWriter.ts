import { getEnv } from '@/core'
import { DEFAULT_WRITER_TIMEOUT_MS } from '../defaults'
import { openAiWriter } from './openAiWriter'
import { templateWriter } from './templateWriter'
import type { Writer } from './types'

/** The OpenAI-compatible writer when `WRITER_BASE_URL` is set, else the offline template writer. */
export const chooseWriter = (): Writer => {
  const env = getEnv()
  if (!env.WRITER_BASE_URL) return templateWriter()
  return openAiWriter({
    baseURL: env.WRITER_BASE_URL,
    apiKey: env.WRITER_API_KEY,
    model: env.WRITER_MODEL,
    timeoutMs: env.WRITER_TIMEOUT_MS ?? DEFAULT_WRITER_TIMEOUT_MS,
  })
}
