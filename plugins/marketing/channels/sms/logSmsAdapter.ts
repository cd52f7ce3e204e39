import { randomUUID } from 'node:crypto'
import type { SmsAdapter } from './SmsAdapter'

/** The offline default: nothing leaves the machine; the message log is the record of the text. */
export const logSmsAdapter = (): SmsAdapter => ({
  name: 'log',
  send: async () => ({ providerMessageId: `log_${randomUUID()}` }),
})
