import { countriesWithRole, type CountryCode } from '@tracker/domain';
import type { AnyRecordView, RecordView } from '../records/record-view.js';

/** Every figure about one indicator for one country: what its government claims, what others report. */
export interface FigureComparison {
  readonly indicator: string;
  /** Newest first. */
  readonly official: readonly RecordView<'FIGURE'>[];
  readonly independent: readonly RecordView<'FIGURE'>[];
}

/**
 * The test oracle: the figures folded from every record, as the read model computed them before they
 * were materialized (groups now come in the order of their key, as the materialized connection pages).
 *
 * The figures whose SCOPE is `code`, grouped by indicator (compared case-insensitively, spaces
 * trimmed), OFFICIAL and INDEPENDENT side by side. Retracted figures are left out; `indicator`
 * narrows to one indicator.
 */
export function figuresSideBySide(
  views: readonly AnyRecordView[],
  code: CountryCode,
  indicator?: string | null,
): FigureComparison[] {
  const wanted = indicator ? groupKey(indicator) : undefined;
  const groups = new Map<
    string,
    { indicator: string; official: RecordView<'FIGURE'>[]; independent: RecordView<'FIGURE'>[] }
  >();
  const figures = views
    .filter((view): view is RecordView<'FIGURE'> & AnyRecordView => view.kind === 'FIGURE' && !view.retracted)
    .filter((view) => countriesWithRole(view.live.fields.countries, 'SCOPE').includes(code))
    .sort((a, b) => b.occurredStart.localeCompare(a.occurredStart) || b.id.localeCompare(a.id));
  for (const figure of figures) {
    const key = groupKey(figure.live.fields.indicator);
    if (wanted !== undefined && key !== wanted) continue;
    let group = groups.get(key);
    if (group === undefined) {
      // Named as its newest figure names it.
      group = { indicator: figure.live.fields.indicator, official: [], independent: [] };
      groups.set(key, group);
    }
    (figure.live.fields.provenance === 'OFFICIAL' ? group.official : group.independent).push(figure);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
}

function groupKey(indicator: string): string {
  return indicator.trim().replace(/\s+/g, ' ').toLowerCase();
}
