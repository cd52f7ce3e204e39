export * from './siteTag'
export * from './siteChanged'
export * from './forgetSitePages'
