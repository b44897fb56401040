import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { parseKindList, recordExportStream, recordJson } from '@tracker/exchange';
import {
  ChangesReader,
  InvalidQueryArgumentError,
  MAX_CHANGES_PAGE,
  RecordsReader,
  type RecordFilter,
} from '@tracker/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestAuthenticator } from '../auth/request-authenticator.js';
import { APP_CONFIG, type AppConfig } from '@tracker/config';
import { booleanValue, listValue, singleValue, type QueryValue } from './query-parameters.js';
import { mayRead, refuse } from './read-access.js';

type Params = Record<string, QueryValue>;

const FORMATS = { 'records.csv': 'csv', 'records.ndjson': 'ndjson' } as const;
const MEDIA_TYPES = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' };

/**
 * Data out over HTTP, for spreadsheets and machines, under GraphQL's read rules and rate limit:
 * `GET /exports/records.csv|ndjson` streams every record matching the filter at constant memory, and
 * `GET /changes.ndjson` serves the changes feed a page at a time.
 */
@Controller()
export class ExportsController {
  constructor(
    @Inject(RecordsReader) private readonly records: RecordsReader,
    @Inject(ChangesReader) private readonly changes: ChangesReader,
    @Inject(RequestAuthenticator) private readonly authenticator: RequestAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('exports/:file')
  async exportRecords(
    @Param('file') file: string,
    @Query() query: Params,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!(await mayRead(this.authenticator, this.config.publicRead, request, reply))) return;
    const format = FORMATS[file as keyof typeof FORMATS];
    if (format === undefined) {
      return refuse(reply, 404, 'NOT_FOUND', `No export ${file}: there are records.csv and records.ndjson`);
    }
    let stream;
    try {
      const asOf = singleValue('asOf', query.asOf);
      stream = recordExportStream(this.records, {
        format,
        filter: recordFilterOf(query),
        ...(asOf ? { asOf } : {}),
        bom: booleanValue('bom', query.bom) ?? false,
      });
    } catch (error) {
      return this.badInput(reply, error);
    }
    void reply
      .type(MEDIA_TYPES[format])
      .header('content-disposition', `attachment; filename="${file}"`)
      .send(stream);
  }

  @Get('changes.ndjson')
  async changesFeed(@Query() query: Params, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    if (!(await mayRead(this.authenticator, this.config.publicRead, request, reply))) return;
    let page;
    try {
      const after = singleValue('after', query.after);
      const countries = listValue(query.countries);
      const kinds = listValue(query.kinds);
      page = this.changes.changes(
        {
          ...(after ? { after } : {}),
          ...(countries ? { countries } : {}),
          ...(kinds ? { kinds: kindsOf('kinds', kinds) } : {}),
        },
        limitOf(query.limit),
      );
    } catch (error) {
      return this.badInput(reply, error);
    }
    // The page is bounded (MAX_CHANGES_PAGE); each line carries the record as it stands now.
    const at = this.records.at();
    const lines = page.changes.map((change) => {
      const view = this.records.find(change.recordId, at);
      return `${JSON.stringify({ ...change, record: view ? recordJson(view) : null })}\n`;
    });
    void reply
      .type(MEDIA_TYPES.ndjson)
      .header('x-end-cursor', page.endCursor ?? '')
      .header('x-has-next-page', String(page.hasNextPage))
      .send(lines.join(''));
  }

  private badInput(reply: FastifyReply, error: unknown): void {
    if (error instanceof InvalidQueryArgumentError) {
      return refuse(reply, 400, 'BAD_USER_INPUT', error.message, {
        fields: [{ field: error.argument, reasons: [error.message] }],
      });
    }
    throw error;
  }
}

function kindsOf(parameter: string, kinds: string[]) {
  return parseKindList(kinds.join(','), (message) => new InvalidQueryArgumentError(parameter, message));
}

/** The feed's page size, `limit` (the reader names it `first`, as GraphQL does: the answer says `limit`). */
function limitOf(value: QueryValue): number {
  const limit = singleValue('limit', value);
  const size = limit === undefined ? MAX_CHANGES_PAGE : Number(limit);
  if (!Number.isInteger(size) || size < 1 || size > MAX_CHANGES_PAGE) {
    throw new InvalidQueryArgumentError(
      'limit',
      `limit must be a whole number from 1 to ${MAX_CHANGES_PAGE}, not ${limit}`,
    );
  }
  return size;
}

function recordFilterOf(query: Params): RecordFilter {
  const countries = listValue(query.country);
  const kinds = listValue(query.kind);
  const from = singleValue('from', query.from);
  const to = singleValue('to', query.to);
  const retracted = booleanValue('retracted', query.retracted);
  return {
    ...(countries ? { countries } : {}),
    ...(kinds ? { kinds: kindsOf('kind', kinds) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(retracted === undefined ? {} : { retracted }),
  };
}
