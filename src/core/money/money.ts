import type { Field, GroupField } from 'payload'

type FieldAccessRules = NonNullable<GroupField['access']>

/** An amount in integer minor units (cents) of an ISO-4217 currency. */
export type Money = { amount: number; currency: string }

const fractionDigits = new Map<string, number>()

/** Minor-unit exponent of a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export const currencyExponent = (currency: string): number => {
  const code = currency.toUpperCase()
  let digits = fractionDigits.get(code)
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    fractionDigits.set(code, digits)
  }
  return digits
}

export const isCurrency = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) return false
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value })
    return true
  } catch {
    return false
  }
}

export const money = (amount: number, currency: string): Money => {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amounts are integer minor units, got ${amount}`)
  if (!isCurrency(currency)) throw new RangeError(`Unknown currency "${currency}"`)
  return { amount, currency }
}

const same = (a: Money, b: Money) => {
  if (a.currency !== b.currency) throw new RangeError(`Cannot combine ${a.currency} with ${b.currency}`)
}

export const addMoney = (a: Money, b: Money): Money => (same(a, b), money(a.amount + b.amount, a.currency))
export const subtractMoney = (a: Money, b: Money): Money => (same(a, b), money(a.amount - b.amount, a.currency))
export const multiplyMoney = (a: Money, quantity: number): Money => {
  if (!Number.isInteger(quantity)) throw new RangeError('Quantities are whole numbers')
  return money(a.amount * quantity, a.currency)
}

/** Converts a decimal amount (imports) to minor units: round(x * 10^exponent). */
export const fromDecimal = (value: number | string, currency: string): Money => {
  const exponent = currencyExponent(currency)
  const [whole, fraction = ''] = String(value).trim().split('.')
  const negative = whole.startsWith('-')
  const digits = `${whole.replace('-', '')}${fraction.padEnd(exponent + 1, '0').slice(0, exponent + 1)}`
  const rounded = Math.round(Number(digits) / 10)
  return money(negative ? -rounded : rounded, currency)
}

export const formatMoney = ({ amount, currency }: Money, locale = 'en-US'): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 10 ** currencyExponent(currency))

/** A `{ amount, currency }` group field; amount is integer minor units. */
export const moneyField = ({
  name,
  label,
  required = false,
  min = 0,
  access,
}: {
  name: string
  label?: string
  required?: boolean
  min?: number
  /** Field-level access on the group (for example a snapshot only the system writes). */
  access?: FieldAccessRules
}): Field => ({
  name,
  label,
  type: 'group',
  ...(access ? { access } : {}),
  fields: [
    {
      name: 'amount',
      type: 'number',
      required,
      min,
      admin: { step: 1, description: 'Minor units (cents).' },
      validate: (value: unknown) =>
        value === null || value === undefined || Number.isSafeInteger(value)
          ? true
          : 'Amounts are whole minor units (cents).',
    },
    {
      name: 'currency',
      type: 'text',
      required,
      minLength: 3,
      maxLength: 3,
      validate: (value: unknown) =>
        value === null || value === undefined || value === '' || isCurrency(value)
          ? true
          : 'Use an ISO-4217 currency code such as USD.',
    },
  ],
})
