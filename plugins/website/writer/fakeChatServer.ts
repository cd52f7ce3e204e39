import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

type ChatRequest = { model?: string; messages?: { role: string; content: string }[] }
/** What the fake answers next: a post (`content`, sent as the assistant message), an HTTP error, or a delay before answering. */
export type FakeChatBehaviour =
  | { kind: 'reply'; content: string; delayMs?: number }
  | { kind: 'status'; status: number; message?: string }

/**
 * A local stand-in for an OpenAI-compatible `POST /v1/chat/completions` (tests): answers the
 * queued behaviours in order, then the default (a post built from the request's facts and links).
 * Records each request (`requests`) and its bearer key.
 */
export const startFakeChatServer = async () => {
  const queue: FakeChatBehaviour[] = []
  const requests: { body: ChatRequest; apiKey: string | null }[] = []
  const sockets = new Set<import('node:net').Socket>()

  const readJson = async (req: IncomingMessage): Promise<ChatRequest> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest
  }
  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  /** The default post: the business, its first two classes and its first link. */
  const defaultContent = (body: ChatRequest) => {
    const user = JSON.parse(body.messages?.find((m) => m.role === 'user')?.content ?? '{}') as {
      topic?: { name?: string }
      facts?: { business?: string; classes?: { title: string; when: string }[]; links?: { href: string }[] }
    }
    const f = user.facts ?? {}
    const classes = (f.classes ?? []).slice(0, 2).map((c) => `- ${c.title}: ${c.when}`)
    return JSON.stringify({
      title: `${user.topic?.name ?? 'Topic'} at ${f.business ?? 'the studio'}`,
      excerpt: `What ${f.business} offers for ${user.topic?.name}.`,
      body: [
        `## Why ${f.business}`,
        `${f.business} runs classes every week.`,
        ...classes,
        '',
        `[Book now](${f.links?.[0]?.href ?? '/'})`,
      ].join('\n'),
    })
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))
        return send(res, 404, { error: { message: 'not found' } })
      const body = await readJson(req)
      requests.push({ body, apiKey: /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null })
      const next = queue.shift() ?? { kind: 'reply', content: defaultContent(body) }
      if (next.kind === 'status')
        return send(res, next.status, {
          error: { message: next.message ?? `fake error ${next.status}`, type: 'server_error' },
        })
      if (next.delayMs) await new Promise((resolve) => setTimeout(resolve, next.delayMs))
      send(res, 200, {
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? 'fake-model',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: next.content } }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      })
    } catch (error) {
      send(res, 500, { error: { message: String(error) } })
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Queues what the next calls answer. */
    next: (...behaviours: FakeChatBehaviour[]) => queue.push(...behaviours),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
