import type { RecordFact } from '../shared/decider.js';
import type { CountryInvolvement } from '../shared/country.js';
import type { Occurred } from '../shared/occurred.js';
import type { RecordKind } from '../shared/record.js';
import type { Source } from '../shared/source.js';

/** Shared test data: the article the demo data comes from, and fixed ids. */
export const ARTICLE: Source = {
  url: 'https://example.org/cambodia-online-scams',
  title: 'Cambodia struggles to shut down online scam industry',
  publisher: 'Example News',
  publishedOn: '2025-02-10',
};

export const SECOND_SOURCE: Source = { url: 'https://example.com/un-report' };

export const IDS = {
  meeting: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000001',
  commitment: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000002',
  taskForce: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000003',
  arrest: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000004',
  detention: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000005',
  shutdown: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000006',
  figure: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000007',
  statement: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000008',
  other: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a000009',
  assessment1: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000a',
  assessment2: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000b',
  assessment3: '0b7c1a52-6a8e-4c1e-9d55-4f1a0a00000c',
} as const;

export function day(date: string): Occurred {
  return { type: 'DATE', date, precision: 'DAY' };
}

export function month(date: string): Occurred {
  return { type: 'DATE', date, precision: 'MONTH' };
}

export function involved(code: string, role: CountryInvolvement['role']): CountryInvolvement {
  return { code, role };
}

export function fact(kind: RecordKind, countries: CountryInvolvement[] = [], retracted = false): RecordFact {
  return { kind, countries, retracted };
}
