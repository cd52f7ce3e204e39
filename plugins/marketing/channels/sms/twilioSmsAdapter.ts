import type { SmsAdapter } from './SmsAdapter'

export type TwilioConfig = {
  /** `https://api.twilio.com` or any Twilio-compatible API (a local fake in tests). */
  baseUrl: string
  accountSid: string
  authToken: string
  from: string
  timeoutMs?: number
}

/**
 * Twilio's Messages API (and compatible providers): `POST /2010-04-01/Accounts/{sid}/Messages.json`,
 * form-encoded `To`, `From`, `Body`, HTTP basic auth with the account SID and auth token; the
 * reply's `sid` is the provider's message id. A non-2xx reply throws with the provider's message.
 */
export const twilioSmsAdapter = (config: TwilioConfig): SmsAdapter => ({
  name: 'twilio',
  webhookAuthToken: config.authToken,
  send: async ({ to, body }) => {
    const url = `${config.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ To: to, From: config.from, Body: body }).toString(),
      signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
    })
    const text = await res.text()
    let reply: { sid?: unknown; message?: unknown } = {}
    try {
      reply = JSON.parse(text) as { sid?: unknown; message?: unknown }
    } catch {
      // not JSON: reported below
    }
    if (!res.ok)
      throw new Error(
        `SMS provider answered ${res.status}: ${typeof reply.message === 'string' ? reply.message : text.slice(0, 200)}`,
      )
    if (typeof reply.sid !== 'string') throw new Error('SMS provider answered without a message sid')
    return { providerMessageId: reply.sid }
  },
})
