import { DomainError, InvalidSourceError, SourceRequiredError, ValidationFailedError } from './errors.js';
import { at, isAbsent, parseId, parseObject, parseOptionalLabel, parseOptionalText } from './fields.js';
import { type IsoDay, parseIsoDay } from './occurred.js';

/** Where a fact comes from. No source, no record. */
export interface Source {
  /** An absolute http(s) URL. */
  readonly url: string;
  readonly title?: string;
  readonly publisher?: string;
  /** The publisher as an ACTOR record, on a record's own sources (RecordBase checks it). */
  readonly publisherId?: string;
  readonly publishedOn?: IsoDay;
  /** The passage that supports the fact, verbatim. */
  readonly quote?: string;
}

/** Longest URL accepted; browsers and crawlers give up long before. */
const MAX_URL_LENGTH = 2048;

/** Whether a source may name its publisher by id: a record's own sources may, a lifecycle step's not. */
export interface SourceOptions {
  readonly publisherIds?: boolean;
}

export function parseSource(value: unknown, field: string, options: SourceOptions = {}): Source {
  const input = parseObject(value, field);
  const urlField = at(field, 'url');
  if (typeof input.url !== 'string' || input.url.trim().length > MAX_URL_LENGTH) {
    throw new InvalidSourceError(`${urlField} must be an http(s) URL`, urlField);
  }
  let url: URL;
  try {
    url = new URL(input.url.trim());
  } catch {
    throw new InvalidSourceError(`${urlField} must be an http(s) URL`, urlField);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new InvalidSourceError(`${urlField} must be an http(s) URL`, urlField);
  }
  const source: { -readonly [K in keyof Source]: Source[K] } = { url: url.href };
  try {
    const title = parseOptionalLabel(input.title, at(field, 'title'));
    const publisher = parseOptionalLabel(input.publisher, at(field, 'publisher'));
    const quote = parseOptionalText(input.quote, at(field, 'quote'));
    if (title !== undefined) source.title = title;
    if (publisher !== undefined) source.publisher = publisher;
    if (!isAbsent(input.publishedOn))
      source.publishedOn = parseIsoDay(input.publishedOn, at(field, 'publishedOn'));
    if (quote !== undefined) source.quote = quote;
    if (!isAbsent(input.publisherId)) {
      const publisherField = at(field, 'publisherId');
      if (options.publisherIds !== true) {
        throw new ValidationFailedError(
          `${publisherField}: a publisher is named by id on a record's own sources only`,
          publisherField,
        );
      }
      source.publisherId = parseId(input.publisherId, publisherField);
    }
  } catch (error) {
    // One code for every malformed part of a source, so a client fixes sources in one place.
    if (error instanceof DomainError) throw new InvalidSourceError(error.message, error.field);
    throw error;
  }
  return source;
}

/** At least one source; the same URL twice counts once (the first one is kept). */
export function parseSources(value: unknown, field = 'sources', options: SourceOptions = {}): Source[] {
  if (isAbsent(value) || (Array.isArray(value) && value.length === 0)) {
    throw new SourceRequiredError(`${field}: at least one source is required`, field);
  }
  if (!Array.isArray(value)) throw new InvalidSourceError(`${field} must be a list`, field);
  const byUrl = new Map<string, Source>();
  value.forEach((item, i) => {
    const source = parseSource(item, `${field}[${i}]`, options);
    if (!byUrl.has(source.url)) byUrl.set(source.url, source);
  });
  return [...byUrl.values()];
}
