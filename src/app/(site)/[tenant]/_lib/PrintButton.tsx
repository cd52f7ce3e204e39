'use client'

/** Opens the browser's print dialog (printing needs the browser; the print stylesheet shows only the receipt). */
export const PrintButton = () => (
  <button type="button" className="button button-secondary" onClick={() => window.print()}>
    Print
  </button>
)
