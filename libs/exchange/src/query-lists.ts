import { RECORD_KINDS, type RecordKind } from '@tracker/domain';

/** `KH, TH,` → `['KH', 'TH']`: a comma-separated list as query strings and options give them. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Record kinds from a comma-separated list; an unknown one is refused with the caller's own error. */
export function parseKindList(value: string, refuse: (message: string) => Error): RecordKind[] {
  const kinds = splitList(value);
  const unknown = kinds.find((kind) => !(RECORD_KINDS as readonly string[]).includes(kind));
  if (unknown !== undefined) throw refuse(`${unknown} is not a record kind (${RECORD_KINDS.join(', ')})`);
  return kinds as RecordKind[];
}
