/** The id of the <datalist> of the shipped diagnosis list, rendered once by ClinicalPanels. */
export const DIAGNOSIS_LIST_ID = "diagnosis-choices";

/** One record panel beside the call: a collapsible section, so the column stays short. */
export function RecordPanel({ title, summary, open, children }: { title: string; summary?: string; open?: boolean; children: React.ReactNode }) {
  return (
    <details className="card group space-y-3" open={open}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2">
        <span className="text-lg font-bold">{title}</span>
        {summary && <span className="truncate text-sm text-slate-600">{summary}</span>}
      </summary>
      <div className="space-y-3 pt-2">{children}</div>
    </details>
  );
}

/** "Saved." after a successful submit, read out once. */
export function SavedNote({ show, text }: { show: boolean | undefined; text: string }) {
  if (!show) return null;
  return (
    <p role="status" className="text-sm text-brand-700">
      {text}
    </p>
  );
}
