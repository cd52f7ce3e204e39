/**
 * A small round-robin HTTP proxy for `npm run bench` (BENCH_WEB_PROCESSES > 1): what the load
 * balancer in front of docker-compose's web replicas does, with keep-alive connections to each.
 * Like Caddy and nginx, it retries a GET or HEAD once on another upstream when a reused keep-alive
 * connection fails before any answer (the server closed it as it idled out); anything else that
 * fails answers 502.
 * Usage: tsx scripts/bench/proxy.ts <port> <target url>...
 */
import http from 'node:http'

const [port, ...targets] = process.argv.slice(2)
const upstreams = targets.map((t) => new URL(t))
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 })
let next = 0

const forward = (req: http.IncomingMessage, res: http.ServerResponse, retries: number) => {
  const target = upstreams[next++ % upstreams.length]
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  upstream.on('error', () => {
    const idempotent = req.method === 'GET' || req.method === 'HEAD'
    if (idempotent && upstream.reusedSocket && retries > 0 && !res.headersSent) return forward(req, res, retries - 1)
    if (!res.headersSent) res.writeHead(502)
    res.end()
  })
  if (req.method === 'GET' || req.method === 'HEAD') upstream.end()
  else req.pipe(upstream)
}

http.createServer((req, res) => forward(req, res, 1)).listen(Number(port), '127.0.0.1')
