import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { EmailAdapter } from 'payload'

const addressOf = (from: unknown): string =>
  typeof from === 'string'
    ? from
    : from && typeof from === 'object' && 'address' in from
      ? String((from as { address: string }).address)
      : ''

/**
 * The offline default: every message is written as JSON to `<dir>/<time>-<id>.json`
 * (what SMTP would have sent), so mail can be read and asserted without a server.
 */
export const fileEmailAdapter =
  ({ dir, from }: { dir: string; from: string }): EmailAdapter<{ id: string; file: string }> =>
  () => {
    const match = /^(.*)<(.+)>$/.exec(from)
    return {
      name: 'file',
      defaultFromName: match ? match[1].trim() : 'Atrium',
      defaultFromAddress: match ? match[2].trim() : from,
      sendEmail: async (message) => {
        await mkdir(dir, { recursive: true })
        const id = randomUUID()
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.json`)
        const record = {
          id,
          from: addressOf(message.from) || from,
          to: message.to,
          cc: message.cc,
          bcc: message.bcc,
          subject: message.subject,
          headers: message.headers,
          text: message.text,
          html: message.html,
          sentAt: new Date().toISOString(),
        }
        await writeFile(file, JSON.stringify(record, null, 2))
        return { id, file }
      },
    }
  }
