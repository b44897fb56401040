import { BASE_FIELDS, CORRECTABLE_FIELDS, RECORD_KINDS, type RecordKind } from '@tracker/domain';
import type { RecordJson } from './record-json.js';

/** Each kind's fields (the domain's correctable ones: those every record has, then its own). */
export const KIND_FIELDS: { readonly [K in RecordKind]: readonly string[] } = CORRECTABLE_FIELDS;

const BASE: readonly string[] = BASE_FIELDS;
/** Fields whose cells are numbers. */
const NUMBERS: ReadonlySet<string> = new Set(['value', 'count', 'personsArrested']);
/** Fields holding an occurrence: a date, or a range `from..to`. */
const OCCURRENCES: ReadonlySet<string> = new Set(['occurred', 'period']);
/** Fields holding a date of some precision. */
const DATES: ReadonlySet<string> = new Set(['deadline']);

/**
 * The CSV columns, in order, for records of these kinds: who and what first, each kind's own fields (in
 * the order of RECORD_KINDS, each once), then the record's lifecycle state and who recorded it when.
 */
export function csvColumns(kinds: readonly RecordKind[] = RECORD_KINDS): string[] {
  const own = [
    ...new Set(kinds.flatMap((kind) => KIND_FIELDS[kind].filter((field) => !BASE.includes(field)))),
  ];
  return [
    'id',
    'kind',
    'status',
    'retracted',
    'retraction_reason',
    'countries',
    'occurred',
    'confidence',
    'sources',
    'source_urls',
    ...own,
    'state',
    'recorded_at',
    'recorded_by',
    'updated_at',
    'updated_by',
  ];
}

/** A record as one CSV row (column → cell), cells written as README's "Export columns" says. */
export function csvRow(record: RecordJson): Record<string, string> {
  const row: Record<string, string> = {
    id: record.id,
    kind: record.kind,
    status: record.status,
    retracted: String(record.retracted),
    retraction_reason: record.retractionReason ?? '',
    state: Object.keys(record.state).length === 0 ? '' : JSON.stringify(record.state),
    recorded_at: record.recordedAt,
    recorded_by: record.recordedBy ?? '',
    updated_at: record.updatedAt,
    updated_by: record.updatedBy ?? '',
  };
  for (const [field, value] of Object.entries(record.fields)) row[field] = cellOf(field, value);
  const sources = record.fields.sources as { url: string }[] | undefined;
  row.source_urls = (sources ?? []).map((source) => source.url).join(' ');
  return row;
}

/** One field's cell. */
export function cellOf(field: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field === 'countries') {
    return (value as { code: string; role: string }[]).map(({ code, role }) => `${code}:${role}`).join(';');
  }
  if (OCCURRENCES.has(field)) {
    const occurred = value as { type: string; date?: string; from?: { date: string }; to?: { date: string } };
    return occurred.type === 'RANGE' ? `${occurred.from!.date}..${occurred.to!.date}` : occurred.date!;
  }
  if (DATES.has(field)) return (value as { date: string }).date;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Problems in a row's cells, as the import reports them: the column and why. */
export class CellError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
    this.name = 'CellError';
  }
}

/** The fields of a record of `kind` from a row's cells (empty cells are absent fields; empty `countries`, none). */
export function fieldsOfRow(
  kind: RecordKind,
  row: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of KIND_FIELDS[kind]) {
    const cell = row[field]?.trim();
    // Every record has its countries: an empty cell is none (an actor without a home country).
    if (field === 'countries' && cell === '') fields.countries = [];
    if (cell === undefined || cell === '') continue;
    fields[field] = valueOf(field, cell);
  }
  return fields;
}

function valueOf(field: string, cell: string): unknown {
  if (field === 'countries') {
    return cell.split(';').map((pair) => {
      const [code, role] = pair.split(':').map((part) => part.trim());
      if (!code || !role) throw new CellError(field, `"${pair}" is not CODE:ROLE (KH:SCOPE;TH:MENTIONED)`);
      return { code, role };
    });
  }
  if (OCCURRENCES.has(field)) {
    const [from, to] = cell.split('..');
    return to === undefined
      ? { type: 'DATE', ...partialDate(field, cell) }
      : { type: 'RANGE', from: partialDate(field, from!), to: partialDate(field, to) };
  }
  if (DATES.has(field)) return partialDate(field, cell);
  if (NUMBERS.has(field)) {
    const number = Number(cell);
    if (!Number.isFinite(number)) throw new CellError(field, `"${cell}" is not a number`);
    return number;
  }
  if (cell.startsWith('[') || cell.startsWith('{')) {
    try {
      return JSON.parse(cell);
    } catch {
      throw new CellError(field, 'is not valid JSON (lists and objects are written as JSON)');
    }
  }
  return cell;
}

function partialDate(field: string, text: string): { date: string; precision: string } {
  const date = text.trim();
  const precision = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? 'DAY'
    : /^\d{4}-\d{2}$/.test(date)
      ? 'MONTH'
      : /^\d{4}$/.test(date)
        ? 'YEAR'
        : undefined;
  if (precision === undefined) throw new CellError(field, `"${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  return { date, precision };
}
