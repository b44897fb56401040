import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { parseKindList, recordExportStream, recordJson, splitList } from '@tracker/exchange';
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
import { mayRead, refuse } from './read-access.js';

type Params = Record<string, string | undefined>;

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
      stream = recordExportStream(this.records, {
        format,
        filter: recordFilterOf(query),
        ...(query.asOf ? { asOf: query.asOf } : {}),
        bom: query.bom === 'true' || query.bom === '1',
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
      const limit = query.limit === undefined ? MAX_CHANGES_PAGE : Number(query.limit);
      page = this.changes.changes(
        {
          ...(query.after ? { after: query.after } : {}),
          ...(query.countries ? { countries: splitList(query.countries) } : {}),
          ...(query.kinds ? { kinds: kindsOf(query.kinds) } : {}),
        },
        limit,
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

function kindsOf(value: string) {
  return parseKindList(value, (message) => new InvalidQueryArgumentError('kinds', message));
}

function recordFilterOf(query: Params): RecordFilter {
  return {
    ...(query.country ? { countries: splitList(query.country) } : {}),
    ...(query.kind ? { kinds: kindsOf(query.kind) } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.retracted === undefined ? {} : { retracted: query.retracted === 'true' }),
  };
}
