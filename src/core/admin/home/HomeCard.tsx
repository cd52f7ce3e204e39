import type { ReactNode } from 'react'

const css = `
.home-card { padding: 16px; border: 1px solid var(--theme-elevation-150); border-radius: 6px; background: var(--theme-elevation-0); height: 100%; box-sizing: border-box; }
.home-card h2 { font-size: 16px; margin: 0 0 12px; }
.home-card__figures { display: flex; flex-wrap: wrap; gap: 16px; margin: 0 0 12px; }
.home-card__figure { display: flex; flex-direction: column; min-width: 96px; }
.home-card__figure dt { font-size: 12px; color: var(--theme-elevation-650); order: 2; }
.home-card__figure dd { margin: 0; font-size: 22px; font-weight: 600; order: 1; }
.home-card ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.home-card li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px; font-size: 13px; padding: 6px 8px; border-radius: 4px; background: var(--theme-elevation-50); }
.home-card li a { font-weight: 600; }
.home-card__muted { color: var(--theme-elevation-650); font-size: 13px; margin: 0; }
`

/** The frame of one staff-home panel: a heading, optional key figures, then its list. */
export const HomeCard = ({
  title,
  figures,
  children,
  testId,
}: {
  title: string
  figures?: { label: string; value: ReactNode }[]
  children?: ReactNode
  testId: string
}) => (
  <section className="home-card" data-testid={testId} aria-label={title}>
    <style>{css}</style>
    <h2>{title}</h2>
    {figures?.length ? (
      <dl className="home-card__figures">
        {figures.map((figure) => (
          <div className="home-card__figure" key={figure.label}>
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
    ) : null}
    {children}
  </section>
)

/** A line of muted text inside a card (nothing to show, pick a tenant). */
export const HomeNote = ({ children }: { children: ReactNode }) => <p className="home-card__muted">{children}</p>
