/** An SMS provider: sends one text and answers the provider's message id. */
export type SmsAdapter = {
  name: string
  send: (message: { to: string; body: string }) => Promise<{ providerMessageId: string }>
}
