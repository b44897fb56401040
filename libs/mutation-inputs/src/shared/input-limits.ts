/**
 * Size limits of mutation inputs, checked by class-validator before a command is built. String lengths
 * are the domain's own (a longer value could never be recorded); list sizes bound what one request may
 * carry, well above anything a real record needs.
 */
export const INPUT_LIMITS = {
  /** Names, titles, labels (the domain's MAX_LABEL_LENGTH, which its index does not export). */
  label: 500,
  /** Quotes, mandates, reasons, rationales (the domain's MAX_TEXT_LENGTH). */
  text: 10_000,
  /** A source URL (the domain refuses longer ones too). */
  url: 2048,
  /** `YYYY-MM-DD`. */
  day: 10,
  /** Countries of one record. */
  countries: 60,
  /** Sources of one record or step. */
  sources: 25,
  /** Bodies, agencies, charges, persons, nationalities... */
  items: 100,
  /**
   * Counts (persons arrested, nationals, websites shut down...): no report comes near a billion, and a
   * bound keeps every tally far inside what clients can hold (sums are SafeInt, below 2^53).
   */
  count: 1_000_000_000,
  /** A client's idempotency key. */
  idempotencyKey: 200,
} as const;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the domain checks it is a real date of the stated precision. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `YYYY-MM-DD`; the domain checks it is a real day. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
