import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'
import { leanRoute, type ApiRouteHandler } from '../http/lean'
import { limitBodies, limitBody } from '../http/limitBody'

/**
 * A real HTTP server in front of the same route handlers Next.js mounts under `/api`: Payload's
 * REST handlers, with the lean endpoints served by the lean dispatch (`leanRoute` mounted on the
 * whole API, which answers as Next's lean segments plus Payload's generated catch-all do), so
 * tests speak HTTP to REST and GraphQL without building the Next app. Request bodies are streamed
 * to the handlers as Next streams them, behind the same body limits (`limitBody`).
 */
export const startTestServer = async (config: Promise<SanitizedConfig> | SanitizedConfig, port = 0) => {
  const rest: Record<string, ApiRouteHandler> = limitBodies(leanRoute(config))
  const graphql = limitBody(GRAPHQL_POST(config) as unknown as ApiRouteHandler)

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
      const headers = new Headers()
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
        else if (value !== undefined) headers.set(key, value)
      }
      const method = req.method ?? 'GET'
      const request = new Request(url, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : req,
        duplex: 'half',
      } as RequestInit)
      let response: Response
      if (url.pathname === '/api/graphql' && method === 'POST') {
        response = await graphql(request, { params: Promise.resolve({}) })
      } else if (url.pathname.startsWith('/api/') && rest[method]) {
        const slug = url.pathname.slice('/api/'.length).split('/').filter(Boolean).map(decodeURIComponent)
        response = await rest[method](request, { params: Promise.resolve({ slug }) })
      } else {
        response = new Response('Not found', { status: 404 })
      }
      const outHeaders: Record<string, string | string[]> = {}
      response.headers.forEach((value, key) => {
        if (key === 'set-cookie') return
        outHeaders[key] = value
      })
      const cookies = response.headers.getSetCookie?.() ?? []
      if (cookies.length) outHeaders['set-cookie'] = cookies
      res.writeHead(response.status, outHeaders)
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String((error as Error)?.stack ?? error))
    }
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: listening } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${listening}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
