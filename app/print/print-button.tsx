"use client";

/** Opens the browser's print dialog (the page's own print styles decide what goes on paper). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
