import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: root })

/** The `atrium/boundaries` errors ESLint (the repo's own config) reports for `code` placed at `file`. */
const crossings = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result.messages.filter((m) => m.ruleId === 'atrium/boundaries').map((m) => ({ line: m.line, text: m.message }))
}

describe('import boundaries (eslint atrium/boundaries)', () => {
  it("fails a plugin that imports another plugin's internals, by alias or by relative path", async () => {
    const found = await crossings(
      'plugins/commerce/operations/planted.ts',
      [
        "import { recordManualPayment } from '@plugins/billing/operations/recordManualPayment'",
        "import { refundPayment } from '../../billing/operations/refundPayment'",
        "import { billingPlugin } from '@plugins/billing'",
        "import config from '@payload-config'",
        "import { Users } from '@/collections/Users'",
        'export const planted = [recordManualPayment, refundPayment, billingPlugin, config, Users]',
      ].join('\n'),
    )
    expect(found.map((f) => f.line)).toEqual([1, 2, 3, 4, 5])
    expect(found[0].text).toMatch(/only through its contract \(@plugins\/billing\/contract\)/)
  })

  it('fails a kernel file that imports a plugin or the app config, statically or dynamically', async () => {
    const found = await crossings(
      'src/core/testing/planted.ts',
      [
        "import { canBookPort } from '@plugins/bookings/contract'",
        "import { plugins } from '@/plugins'",
        "export const config = () => import('../../../payload.config')",
        'export const planted = [canBookPort, plugins]',
      ].join('\n'),
    )
    expect(found.map((f) => f.line)).toEqual([1, 2, 3])
    expect(found[0].text).toMatch(/the kernel \(src\/core\) imports no plugin/)
  })

  it('fails a site page that imports plugin internals', async () => {
    const found = await crossings(
      'src/app/(site)/[tenant]/planted/page.tsx',
      "import { checkout } from '@plugins/commerce/operations/checkout'\nexport const planted = checkout\n",
    )
    expect(found).toHaveLength(1)
    expect(found[0].text).toMatch(/the site may import a plugin only through its contract/)
  })

  it("passes a plugin file that uses the kernel, its own files and another plugin's contract", async () => {
    const found = await crossings(
      'plugins/commerce/operations/planted.ts',
      [
        "import { callPort, runSql } from '@/core'",
        "import { inTransaction } from '@/core/db/inTransaction'",
        "import { canBookPort } from '@plugins/bookings/contract'",
        "import { grantCreditsPort } from '@plugins/billing/contract'",
        "import { recordOrderPaymentPort } from '@plugins/commerce/contract'",
        "import { placeOrder } from './placeOrder'",
        "import { Orders } from '../collections/Orders'",
        "import { z } from 'zod'",
        'export const planted = [callPort, runSql, inTransaction, canBookPort, grantCreditsPort, recordOrderPaymentPort, placeOrder, Orders, z]',
      ].join('\n'),
    )
    expect(found).toEqual([])
  })
})
