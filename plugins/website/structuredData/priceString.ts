import { currencyExponent } from '@/core/money/money'

/**
 * Integer minor units as schema.org's `price` text: major units with a dot and the currency's
 * own number of decimals (1250 USD → `"12.50"`, 500 JPY → `"500"`, 12345 KWD → `"12.345"`).
 */
export const priceString = (amount: number, currency: string): string => {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amounts are integer minor units, got ${amount}`)
  const exponent = currencyExponent(currency)
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0')
  const whole = digits.slice(0, digits.length - exponent)
  const fraction = exponent ? `.${digits.slice(digits.length - exponent)}` : ''
  return `${amount < 0 ? '-' : ''}${whole}${fraction}`
}
