import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { path: string; headers: IncomingHttpHeaders; body: string; status: number }

/**
 * A local HTTP receiver (webhooks, Zapier hooks, Slack's incoming webhooks). `answer` is the status
 * it replies with; `stop()` closes it (connections are then refused) and `start()` reopens it on
 * the same port. Every request is kept in `received` with the status it got.
 */
export const receiver = async (answer = 200, reply = 'ok') => {
  const state = { answer, reply, received: [] as Received[] }
  let server: Server | undefined
  let port = 0
  const start = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const status = state.answer
        state.received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
          status,
        })
        res.writeHead(status, { 'content-type': 'text/plain' }).end(state.reply)
      })
    })
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve))
    port = (server!.address() as AddressInfo).port
  }
  const stop = async () => {
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server!.close(() => resolve()))
    server = undefined
  }
  await start()
  return {
    state,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    ok: () => state.received.filter((r) => r.status >= 200 && r.status < 300),
    start,
    stop,
  }
}

export type Receiver = Awaited<ReturnType<typeof receiver>>

/** The `webhook-*` headers of a received request, as `Webhook.verify` takes them. */
export const webhookHeaders = (r: Received) => ({
  'webhook-id': String(r.headers['webhook-id']),
  'webhook-timestamp': String(r.headers['webhook-timestamp']),
  'webhook-signature': String(r.headers['webhook-signature']),
})
