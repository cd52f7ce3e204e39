import { z } from 'zod'
import type { SmsAdapter } from './SmsAdapter'
import { logSmsAdapter } from './logSmsAdapter'
import { twilioSmsAdapter } from './twilioSmsAdapter'

const smsEnv = z.object({
  SMS_API_URL: z.string().url().default('https://api.twilio.com'),
  SMS_ACCOUNT_SID: z.string().min(1).optional(),
  SMS_AUTH_TOKEN: z.string().min(1).optional(),
  SMS_FROM: z.string().min(1).optional(),
})

/**
 * The SMS adapter the environment configures: the Twilio-compatible one when SMS_ACCOUNT_SID,
 * SMS_AUTH_TOKEN and SMS_FROM are set (SMS_API_URL for another compatible provider), else the
 * log-only default. Read at send time, so a worker picks up a changed environment on restart.
 */
export const smsAdapterFromEnv = (env: NodeJS.ProcessEnv = process.env): SmsAdapter => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('SMS_') && v))
  const v = smsEnv.parse(cleaned)
  return v.SMS_ACCOUNT_SID && v.SMS_AUTH_TOKEN && v.SMS_FROM
    ? twilioSmsAdapter({
        baseUrl: v.SMS_API_URL,
        accountSid: v.SMS_ACCOUNT_SID,
        authToken: v.SMS_AUTH_TOKEN,
        from: v.SMS_FROM,
      })
    : logSmsAdapter()
}
