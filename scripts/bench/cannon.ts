/**
 * The load generator against the production server: autocannon (in the bench process, a separate
 * process from the server) firing a list of requests, each sent once, at a fixed number of
 * keep-alive connections. Returns each answer's status and latency like the in-process load worker.
 */
import autocannon from 'autocannon'
import { performance } from 'node:perf_hooks'
import type { LoadRequest, LoadResult } from './loadWorker'

export const cannon = (base: string, requests: LoadRequest[], connections: number): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const statuses: number[] = []
    const latenciesMs: number[] = []
    let next = 0
    const cpuBefore = process.cpuUsage()
    const t0 = performance.now()
    const instance = autocannon(
      {
        url: base,
        connections: Math.min(connections, requests.length),
        amount: requests.length,
        timeout: 60,
        requests: [
          {
            setupRequest: (req) => {
              const r = requests[next++ % requests.length]
              const url = new URL(r.url)
              return {
                ...req,
                method: r.method,
                path: url.pathname + url.search,
                headers: r.headers ?? {},
                body: r.body,
              }
            },
          },
        ],
      },
      (err) => {
        if (err) return reject(err)
        const cpu = process.cpuUsage(cpuBefore)
        resolve({ statuses, latenciesMs, elapsedMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses.push(statusCode)
      latenciesMs.push(responseTime)
    })
    instance.on('reqError', () => {
      statuses.push(0)
    })
  })
