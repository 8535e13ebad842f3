/** One headline figure: what it is, the figure, and optionally a line of what is behind it. */
export type StatCard = { label: string; value: string; detail?: string };

/**
 * The headline figures of an office page as cards in a grid, a description list so that a
 * screen reader reads each label with its figure. `columns` is the grid's classes per width.
 */
export function StatCards({ cards, columns, testId }: { cards: StatCard[]; columns: string; testId: string }) {
  return (
    <dl className={`grid grid-cols-2 gap-3 ${columns}`} data-testid={testId}>
      {cards.map((card) => (
        <div key={card.label} className="card">
          <dt className="text-sm text-slate-600">{card.label}</dt>
          <dd className="text-2xl font-bold tabular-nums">{card.value}</dd>
          {card.detail !== undefined && <dd className="text-xs text-slate-600">{card.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
