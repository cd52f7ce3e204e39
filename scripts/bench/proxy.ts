/**
 * A small round-robin HTTP proxy for `npm run bench` (BENCH_WEB_PROCESSES > 1): what the load
 * balancer in front of docker-compose's web replicas does, with keep-alive connections to each.
 * Usage: tsx scripts/bench/proxy.ts <port> <target url>...
 */
import http from 'node:http'

const [port, ...targets] = process.argv.slice(2)
const upstreams = targets.map((t) => new URL(t))
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 })
let next = 0

http
  .createServer((req, res) => {
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
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  .listen(Number(port), '127.0.0.1')
