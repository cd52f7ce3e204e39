/** Fills `{{firstName}}`-style placeholders; unknown ones become empty. Plain text (email HTML is escaped on the way out). */
export const renderTemplate = (template: string, vars: Record<string, string | number | null | undefined>): string =>
  template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (_m, key: string) => {
    const value = vars[key]
    return value == null ? '' : String(value)
  })
