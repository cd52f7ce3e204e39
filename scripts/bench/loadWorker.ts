/**
 * Load generator for `npm run bench`, run in a worker thread so the server's event loop is not
 * also driving the clients. Receives a list of requests and a concurrency, fires them over
 * keep-alive HTTP and posts back each request's status and latency.
 */
import { parentPort } from 'node:worker_threads'

export type LoadRequest = { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: string }
export type LoadJob = { requests: LoadRequest[]; concurrency: number }
export type LoadResult = { statuses: number[]; latenciesMs: number[]; elapsedMs: number }

const run = async ({ requests, concurrency }: LoadJob): Promise<LoadResult> => {
  const statuses = new Array<number>(requests.length)
  const latenciesMs = new Array<number>(requests.length)
  let next = 0
  const started = performance.now()
  const client = async () => {
    while (next < requests.length) {
      const i = next++
      const r = requests[i]
      const t0 = performance.now()
      try {
        const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body })
        await res.arrayBuffer()
        statuses[i] = res.status
      } catch {
        statuses[i] = 0
      }
      latenciesMs[i] = performance.now() - t0
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, client))
  return { statuses, latenciesMs, elapsedMs: performance.now() - started }
}

parentPort?.on('message', async (job: LoadJob) => parentPort?.postMessage(await run(job)))
