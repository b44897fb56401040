import type { RecordKind } from '@tracker/domain';
import type { RecordFilter, RecordsReader } from '@tracker/read-models';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { csvColumns, csvRow } from './record-csv.js';
import { recordJson, type RecordJson } from './record-json.js';

/** Records read from the read DB per page: memory stays at one page whatever the export's size. */
const EXPORT_PAGE = 100;

export interface RecordExportOptions {
  format: 'csv' | 'ndjson';
  filter: RecordFilter;
  /** As the tracker knew them at this recording time (ISO 8601); now by default. */
  asOf?: string;
  /** Start CSV with a UTF-8 byte-order mark, so spreadsheet programs read it as UTF-8. */
  bom?: boolean;
}

/** Every record matching the filter, page by page (the reader's own order: newest occurrence first). */
export async function* recordsOf(
  reader: RecordsReader,
  filter: RecordFilter,
  asOf?: string,
): AsyncGenerator<RecordJson> {
  const at = reader.at(asOf);
  let after: string | undefined;
  for (;;) {
    const page = reader.list(filter, { first: EXPORT_PAGE, ...(after ? { after } : {}) }, at);
    for (const edge of page.edges) yield recordJson(edge.node);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return;
    after = page.pageInfo.endCursor;
    // A turn of the event loop between pages: a long export never holds the server.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The export as a byte stream, produced as it is read: CSV (csv-stringify) or NDJSON. */
export function recordExportStream(reader: RecordsReader, options: RecordExportOptions): Readable {
  // A bad filter or asOf throws here, before the first byte: an error answer, not a broken stream.
  reader.list(options.filter, { first: 1 }, reader.at(options.asOf));
  const records = Readable.from(recordsOf(reader, options.filter, options.asOf));
  if (options.format === 'ndjson') {
    return records.map((record: RecordJson) => `${JSON.stringify(record)}\n`);
  }
  const kinds = (options.filter.kinds ?? undefined) as RecordKind[] | undefined;
  const columns = csvColumns(kinds);
  const csv = stringify({ header: true, columns, bom: options.bom === true });
  const rows = records.map((record: RecordJson) => csvRow(record));
  // pipe alone would leave the CSV open on a read error: whoever reads it must see the error.
  rows.on('error', (error) => csv.destroy(error));
  return rows.pipe(csv);
}
