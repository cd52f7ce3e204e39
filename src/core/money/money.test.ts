import { describe, expect, it } from 'vitest'
import { addMoney, currencyExponent, formatMoney, fromDecimal, money, multiplyMoney, subtractMoney } from './money'

describe('money', () => {
  it('is integer minor units of one currency', () => {
    expect(addMoney(money(1050, 'USD'), money(250, 'USD'))).toEqual({ amount: 1300, currency: 'USD' })
    expect(subtractMoney(money(1000, 'EUR'), money(1, 'EUR'))).toEqual({ amount: 999, currency: 'EUR' })
    expect(multiplyMoney(money(333, 'USD'), 3)).toEqual({ amount: 999, currency: 'USD' })
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(/Cannot combine USD with EUR/)
    expect(() => money(10.5, 'USD')).toThrow(/integer minor units/)
    expect(() => money(1, 'XYZ1')).toThrow(/Unknown currency/)
  })

  it('converts decimals by each currency’s exponent without float drift', () => {
    expect(currencyExponent('JPY')).toBe(0)
    expect(currencyExponent('KWD')).toBe(3)
    expect(fromDecimal('19.99', 'USD')).toEqual({ amount: 1999, currency: 'USD' })
    expect(fromDecimal(0.1 + 0.2, 'USD')).toEqual({ amount: 30, currency: 'USD' })
    expect(fromDecimal('1.005', 'USD')).toEqual({ amount: 101, currency: 'USD' })
    expect(fromDecimal('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' })
    expect(fromDecimal('-2.50', 'EUR')).toEqual({ amount: -250, currency: 'EUR' })
    expect(formatMoney(money(123456, 'USD'))).toBe('$1,234.56')
  })
})
