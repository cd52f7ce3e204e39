/**
 * Test helper: throws unless `xml` is well-formed for the sitemap's simple shape (a declaration,
 * nested elements with plain attributes, text with only the five predefined entities).
 */
export const assertWellFormedXml = (xml: string): void => {
  const stack: string[] = []
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '')
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<&]*")*)\s*(\/?)>|([^<]+)/gy
  let match: RegExpExecArray | null
  let index = 0
  while (index < body.length) {
    token.lastIndex = index
    match = token.exec(body)
    if (!match) throw new Error(`Not well-formed at ${index}: ${body.slice(index, index + 60)}`)
    const [whole, closing, name, , selfClosing, text] = match
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`Unescaped & in text: ${text.slice(0, 60)}`)
      if (text.includes('>') && /[^\s]/.test(text) && text.includes(']]>')) throw new Error('"]]>" in text')
      if (stack.length === 0 && text.trim()) throw new Error(`Text outside the root: ${text.slice(0, 60)}`)
    } else if (closing) {
      const open = stack.pop()
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`)
    } else if (!selfClosing) stack.push(name)
    index += whole.length
  }
  if (stack.length) throw new Error(`Unclosed: ${stack.join(' > ')}`)
}
