/**
 * Load generator for `npm run bench`, run in a worker thread so the server's event loop is not
 * also driving the clients. Receives a list of requests and a concurrency, fires them over
 * keep-alive HTTP (node:http, one socket per client: cheaper than fetch, so the load generator
 * takes less of the CPU the server shares with it) and posts back each request's status and latency.
 */
import http from 'node:http'
import { parentPort } from 'node:worker_threads'
import { threadCpuMs } from './cpuTime'

export type LoadRequest = { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: string }
export type LoadJob = { requests: LoadRequest[]; concurrency: number }
export type LoadResult = { statuses: number[]; latenciesMs: number[]; elapsedMs: number; cpuMs: number }

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

/** One request; resolves with the status once the whole answer has been read. */
const send = (r: LoadRequest) =>
  new Promise<number>((resolve, reject) => {
    const body = r.body === undefined ? undefined : Buffer.from(r.body)
    const headers = body ? { ...r.headers, 'content-length': String(body.length) } : r.headers
    const request = http.request(r.url, { method: r.method, headers, agent }, (res) => {
      res.on('data', () => undefined)
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    request.on('error', reject)
    request.end(body)
  })

const run = async ({ requests, concurrency }: LoadJob): Promise<LoadResult> => {
  const statuses = new Array<number>(requests.length)
  const latenciesMs = new Array<number>(requests.length)
  let next = 0
  const started = performance.now()
  const cpuBefore = threadCpuMs()
  const client = async () => {
    while (next < requests.length) {
      const i = next++
      const r = requests[i]
      const t0 = performance.now()
      statuses[i] = await send(r).catch(() => 0)
      latenciesMs[i] = performance.now() - t0
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, client))
  const elapsedMs = performance.now() - started
  return { statuses, latenciesMs, elapsedMs, cpuMs: threadCpuMs() - cpuBefore }
}

parentPort?.on('message', async (job: LoadJob) => parentPort?.postMessage(await run(job)))
