import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@tracker/config';
import { InvalidQueryArgumentError } from '@tracker/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { printSchema, type GraphQLSchema } from 'graphql';
import { readFile } from 'node:fs/promises';
import { readRefusal } from '../auth/read-policy.js';
import { resolveAccess, type RequestAccess } from '../auth/request-access.js';
import { RequestAuthenticator } from '../auth/request-authenticator.js';
import { COUNTRIES_PAGE, COUNTRY_PAGE, COUNTRY_RECORDS_PAGE, RECORD_PAGE } from './dashboard-queries.js';
import {
  countriesPage,
  countryPage,
  countryRecordsPage,
  errorPage,
  graphiqlPage,
  recordPage,
  tokenPage,
} from './dashboard-pages.js';
import { listValue, singleValue, type QueryValue } from '../http/query-parameters.js';
import { sendPage } from './send-page.js';

/** Where the build put the pages' script and style (scripts/build.mjs), from this file in dist/. */
const ASSETS_FOLDER = new URL('../../../../dashboard-assets/', import.meta.url);
/** What the assets folder serves, by file extension (its files are named by the build: no paths). */
const ASSET_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
};
const ASSET_NAME = /^[A-Za-z0-9_-]+(?:-[A-Za-z0-9]+)?\.(js|css|woff2|woff)$/;
/** The cookie a reader's token is kept in when reading is closed (set by the token form). */
const TOKEN_COOKIE = 'tracker_token';

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A page's query string, as Fastify parses it. */
type PageQuery = Record<string, QueryValue>;

type Graphql = (
  query: string,
  context: object,
  variables?: Record<string, unknown>,
) => Promise<GraphqlAnswer>;

/**
 * The dashboard: pages for people, served by the API itself. Each page runs one GraphQL query through the
 * server's own GraphQL (so it answers exactly what the API answers, under the same read rules), renders
 * it as HTML, and leaves charts and live updates to its script, bundled at build time and served here:
 * nothing is loaded from elsewhere.
 */
@Controller()
export class DashboardController {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(RequestAuthenticator) private readonly authenticator: RequestAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async countries(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.page(
      request,
      reply,
      COUNTRIES_PAGE,
      () => ({}),
      (data) => countriesPage(data),
    );
  }

  @Get('countries/:code')
  async country(
    @Param('code') code: string,
    @Query() query: PageQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.page(
      request,
      reply,
      COUNTRY_PAGE,
      () => {
        const asOf = singleValue('asOf', query.asOf);
        // A day from the date picker means the end of that day: what the tracker knew by then.
        const at = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : asOf;
        return { code: code.toUpperCase(), asOf: at ?? null };
      },
      (data, { asOf }) => countryPage(data, asOf ?? undefined),
    );
  }

  @Get('countries/:code/records')
  async countryRecords(
    @Param('code') code: string,
    @Query() query: PageQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.page(
      request,
      reply,
      COUNTRY_RECORDS_PAGE,
      () => ({
        code: code.toUpperCase(),
        // Kinds are upper-case words; a person may type them in any case.
        kinds: listValue(query.kinds, (kind) => kind.toUpperCase()) ?? null,
        after: singleValue('after', query.after) ?? null,
      }),
      (data, variables) => countryRecordsPage(data, variables.kinds?.join(',')),
    );
  }

  @Get('records/:id')
  async record(
    @Param('id') id: string,
    @Query() query: PageQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.page(
      request,
      reply,
      RECORD_PAGE,
      () => ({
        id,
        historyAfter: singleValue('historyAfter', query.historyAfter) ?? null,
        referencesAfter: singleValue('referencesAfter', query.referencesAfter) ?? null,
      }),
      (data) => recordPage(data),
    );
  }

  /** GraphiQL from the bundled assets; it asks for what it shows over /graphql, under the usual rules. */
  @Get('graphiql')
  graphiql(@Res() reply: FastifyReply): void {
    sendPage(reply, 200, graphiqlPage());
  }

  /**
   * The schema as SDL, for GraphiQL: given the schema, it sends no introspection query, whose type
   * references nest deeper (15 levels) than any operation may (GRAPHQL_LIMITS.maxDepth). Under the read
   * rules, as the schema's suggestions are.
   */
  @Get('graphiql/schema.graphql')
  async schema(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const access = await this.accessOf(request);
    const refused =
      'refused' in access || readRefusal(access.principal, this.config.publicRead) !== undefined;
    if (refused)
      return void reply.status(401).type('text/plain; charset=utf-8').send('A token is needed to read');
    const schema = (
      this.adapterHost.httpAdapter.getInstance() as unknown as { graphql: { schema: GraphQLSchema } }
    ).graphql.schema;
    // The schema is fixed once the app is up: printed once, not at each request.
    let sdl = PRINTED_SCHEMAS.get(schema);
    if (sdl === undefined) PRINTED_SCHEMAS.set(schema, (sdl = printSchema(schema)));
    void reply.type('text/plain; charset=utf-8').send(sdl);
  }

  @Get('assets/:file')
  async asset(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const extension = ASSET_NAME.exec(file)?.[1];
    const body = extension === undefined ? undefined : await assetFile(file);
    if (extension === undefined || body === undefined) {
      return void reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    void reply.type(ASSET_TYPES[extension]!).header('cache-control', 'no-cache').send(body);
  }

  /**
   * One page: its variables read from the address (a parameter given wrongly is a 400 page naming it),
   * its query run under the reader's access, its answer rendered, or an error page with the status the
   * answer's code means.
   */
  private async page<Variables extends Record<string, unknown>>(
    request: FastifyRequest,
    reply: FastifyReply,
    document: string,
    readVariables: () => Variables,
    render: (data: Record<string, unknown>, variables: Variables) => string,
  ): Promise<void> {
    let variables: Variables;
    try {
      variables = readVariables();
    } catch (error) {
      if (!(error instanceof InvalidQueryArgumentError)) throw error;
      return sendPage(reply, 400, errorPage(400, error.message));
    }
    const access = await this.accessOf(request);
    const refusal =
      'refused' in access
        ? access.refused.message
        : readRefusal(access.principal, this.config.publicRead)?.message;
    if (refusal !== undefined) return sendPage(reply, 401, tokenPage(refusal));

    const graphql = (this.adapterHost.httpAdapter.getInstance() as unknown as { graphql: Graphql }).graphql;
    const answer: GraphqlAnswer = await graphql(document, { access }, variables).catch((error: unknown) => ({
      // Mercurius throws a document or variables it refuses as one error holding the reasons: show the
      // first reason (it names the parameter, as `$asOf`), not the wrapper's "Graphql validation error".
      errors: [
        {
          message:
            (error as { errors?: { message: string }[] }).errors?.[0]?.message ?? (error as Error).message,
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    }));
    const error = answer.errors?.[0];
    if (error !== undefined || !answer.data) {
      const code = error?.extensions?.code;
      const status =
        code === 'NOT_FOUND'
          ? 404
          : code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED'
            ? 400
            : code === 'UNAVAILABLE'
              ? 503
              : 500;
      return sendPage(reply, status, errorPage(status, error?.message ?? 'Nothing to show'));
    }
    sendPage(reply, 200, render(answer.data, variables));
  }

  /** The bearer token of the `Authorization` header, or of the token cookie a reader set in the page. */
  private accessOf(request: FastifyRequest): Promise<RequestAccess> {
    const header = request.headers.authorization;
    const cookie = cookieValue(request.headers.cookie, TOKEN_COOKIE);
    return resolveAccess(this.authenticator, header ?? (cookie ? `Bearer ${cookie}` : undefined));
  }
}

/** The schema's SDL, by schema object (one per app). */
const PRINTED_SCHEMAS = new WeakMap<GraphQLSchema, string>();
/**
 * The assets read so far. They are the build's output, fixed while the server runs, so each is read from
 * disk once; only files that exist are kept, so the map holds at most the build's few files.
 */
const ASSET_FILES = new Map<string, Buffer>();

async function assetFile(file: string): Promise<Buffer | undefined> {
  const kept = ASSET_FILES.get(file);
  if (kept !== undefined) return kept;
  const body = await readFile(new URL(file, ASSETS_FOLDER)).catch(() => undefined);
  if (body !== undefined) ASSET_FILES.set(file, body);
  return body;
}

/** One cookie's value from a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      // Not percent-encoding a browser would send: no token, so the page asks for one.
      return undefined;
    }
  }
  return undefined;
}
