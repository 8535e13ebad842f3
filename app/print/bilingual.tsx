/** A label or phrase in both languages, Urdu in Nastaliq first, whatever the page's language. */
export function Bilingual({ ur, en, className = "" }: { ur: string; en: string; className?: string }) {
  return (
    <span className={`inline-flex flex-wrap items-baseline gap-x-2 ${className}`}>
      <span lang="ur" dir="rtl" className="urdu-text">
        {ur}
      </span>
      <span lang="en" dir="ltr">
        {en}
      </span>
    </span>
  );
}
