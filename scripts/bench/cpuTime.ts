import { readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'

const TICK_MS = 10 // USER_HZ is 100 on Linux

/** utime + stime (ms) from a /proc stat line; the command name may contain spaces, so parse after ')'. */
const statCpuMs = (stat: string) => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

/** CPU time (ms) the calling thread has used so far (Linux; 0 elsewhere). Sync: an async read would run on a pool thread. */
export const threadCpuMs = () => {
  try {
    return statCpuMs(readFileSync('/proc/thread-self/stat', 'utf8'))
  } catch {
    return 0
  }
}

/** The last CPU time read of each backend, by database: a backend that exits keeps what it had used. */
const backendsSeen = new Map<string, Map<string, number>>()

/**
 * CPU time (ms) used so far by the PostgreSQL backends serving `database` on this machine (Linux; 0
 * elsewhere). A backend that has exited (its pool closed an idle connection) counts with its last
 * reading, so the total never goes down between two calls (it once printed negative figures).
 */
export const postgresCpuMs = async (database: string) => {
  let seen = backendsSeen.get(database)
  if (!seen) backendsSeen.set(database, (seen = new Map()))
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (!cmdline.startsWith('postgres:') || !cmdline.includes(` ${database} `)) continue
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
    if (stat) seen.set(pid, Math.max(seen.get(pid) ?? 0, statCpuMs(stat)))
  }
  let total = 0
  for (const ms of seen.values()) total += ms
  return total
}
