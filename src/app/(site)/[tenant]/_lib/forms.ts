import { redirect } from 'next/navigation'
import { loadSite, type Site } from './site'

/** Helpers shared by the site's server actions (`actions.ts`, `memberActions.ts`). */

export const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value.trim() : ''
}

/** The open site a form was posted from (its hidden `site` field); anything else goes home. */
export const siteOf = async (form: FormData): Promise<Site> => {
  const site = await loadSite(text(form, 'site'))
  if (!site || !site.open) redirect('/')
  return site
}

export const withQuery = (path: string, params: Record<string, string>) =>
  `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(params)}`
