import { describe, expect, it } from 'vitest'
import { CsvSyntaxError, parseCsv } from './parseCsv'

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ])
  })
  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('name,note\r\n"Doe, Jane","said ""hi""\r\ntwice"\r\n')).toEqual([
      ['name', 'note'],
      ['Doe, Jane', 'said "hi"\r\ntwice'],
    ])
  })
  it('accepts CRLF, LF and a last record without a line break', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ])
  })
  it('drops a UTF-8 byte order mark and blank lines', () => {
    expect(parseCsv('\uFEFFemail,name\r\n\r\nx@y.test,X\r\n\r\n')).toEqual([
      ['email', 'name'],
      ['x@y.test', 'X'],
    ])
  })
  it('keeps empty fields, also at the end of a record', () => {
    expect(parseCsv('a,,c,\n,,,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ])
  })
  it('an empty quoted field is an empty string', () => {
    expect(parseCsv('"",x\n')).toEqual([['', 'x']])
  })
  it('throws on an unterminated quoted field, naming its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError)
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2/)
  })
  it('an empty input has no records', () => {
    expect(parseCsv('')).toEqual([])
    expect(parseCsv('\uFEFF')).toEqual([])
  })
})
