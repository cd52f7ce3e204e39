/**
 * An RFC 4180 CSV parser: fields separated by commas, records by CRLF or LF (a lone CR too);
 * a field in double quotes may hold commas, line breaks and doubled quotes (`""` → `"`). A leading
 * UTF-8 byte order mark is dropped, and so are blank lines. Returns the records as arrays of raw
 * strings (no trimming or type conversion). An unterminated quoted field throws `CsvSyntaxError`.
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
    this.name = 'CsvSyntaxError'
  }
}

export const parseCsv = (input: string): string[][] => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let quoteLine = 1
  let i = 0
  const endRecord = () => {
    record.push(field)
    field = ''
    // A blank line is one empty field: skipped.
    if (!(record.length === 1 && record[0] === '')) records.push(record)
    record = []
  }
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      if (c === '\n') line++
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
      quoteLine = line
      i++
      continue
    }
    if (c === ',') {
      record.push(field)
      field = ''
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      endRecord()
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      continue
    }
    field += c
    i++
  }
  if (quoted) throw new CsvSyntaxError(`A quoted field opened on line ${quoteLine} is never closed.`, quoteLine)
  if (field !== '' || record.length > 0) endRecord()
  return records
}
