/** An SMS provider: sends one text and answers the provider's message id. */
export type SmsAdapter = {
  name: string
  send: (message: { to: string; body: string }) => Promise<{ providerMessageId: string }>
  /** The secret the provider signs its webhooks with (Twilio: the auth token); `POST /api/sms/inbound` verifies with it. */
  webhookAuthToken?: string
}
