/**
 * Every error a decider or a value-object parser throws on purpose. Codes are stable: the API maps them
 * once to GraphQL `extensions.code`, so renaming one is a breaking change for clients.
 */
export const DOMAIN_ERROR_CODES = {
  /** A field is missing, empty, too long, not a known enum value, or not a valid number. */
  VALIDATION_FAILED: 'a field is missing or malformed',
  /** A record, a lifecycle step, an assessment or a status change cites no source. */
  SOURCE_REQUIRED: 'at least one source is required',
  /** A source is not an http(s) URL, or its optional parts are malformed. */
  INVALID_SOURCE: 'a source is malformed',
  /** Not an ISO 3166-1 alpha-2 code, or a country is listed with a role the record kind forbids. */
  INVALID_COUNTRY: 'not a valid ISO 3166-1 alpha-2 country or role',
  /** Not a real date, a date that does not match its precision, a reversed range, or a date in the future. */
  INVALID_DATE: 'not a valid date',
  /** The command does not apply to the record's current status (e.g. releasing a released detainee). */
  INVALID_TRANSITION: 'not allowed in the current status',
  /** The command targets a record that does not exist, or references one that does not. */
  UNKNOWN_RECORD: 'no such record',
  /** A creation command targets a record id that is already used. */
  ALREADY_EXISTS: 'the record already exists',
  /** The record is retracted: only a correction of the retraction is accepted. */
  RECORD_RETRACTED: 'the record is retracted',
  /** The command belongs to another kind of record than the one it targets. */
  KIND_MISMATCH: 'the command does not apply to this kind of record',
  /** A commitment's deadline ends before the day it was made. */
  DEADLINE_BEFORE_MADE: 'the deadline is before the commitment was made',
  /** An evidence link targets the commitment itself, a commitment, a retracted record, or one already linked. */
  INVALID_EVIDENCE: 'the evidence link is not valid',
  /** An assessment lacks an assessor, a rating from the implementation scale, or a rationale. */
  INVALID_ASSESSMENT: 'the assessment is not valid',
  /** A referenced record (meeting, statement, disputed figure) has the wrong kind or is retracted. */
  INVALID_REFERENCE: 'the referenced record is not valid here',
  /** A conviction without a sentence. */
  SENTENCE_REQUIRED: 'a conviction requires a sentence',
  /** A per-signatory operation names a country that did not sign the commitment. */
  NOT_A_SIGNATORY: 'the country is not a signatory of the commitment',
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

/** Base of every domain error. `field` is the input path at fault (e.g. `sources[0].url`), when there is one. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    // Subclasses set their own name so logs and stack traces say which rule was broken.
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
}
export class SourceRequiredError extends DomainError {
  readonly code = 'SOURCE_REQUIRED';
}
export class InvalidSourceError extends DomainError {
  readonly code = 'INVALID_SOURCE';
}
export class InvalidCountryError extends DomainError {
  readonly code = 'INVALID_COUNTRY';
}
export class InvalidDateError extends DomainError {
  readonly code = 'INVALID_DATE';
}
export class InvalidTransitionError extends DomainError {
  readonly code = 'INVALID_TRANSITION';
}
export class UnknownRecordError extends DomainError {
  readonly code = 'UNKNOWN_RECORD';
}
export class AlreadyExistsError extends DomainError {
  readonly code = 'ALREADY_EXISTS';
}
export class RecordRetractedError extends DomainError {
  readonly code = 'RECORD_RETRACTED';
}
export class KindMismatchError extends DomainError {
  readonly code = 'KIND_MISMATCH';
}
export class DeadlineBeforeMadeError extends DomainError {
  readonly code = 'DEADLINE_BEFORE_MADE';
}
export class InvalidEvidenceError extends DomainError {
  readonly code = 'INVALID_EVIDENCE';
}
export class InvalidAssessmentError extends DomainError {
  readonly code = 'INVALID_ASSESSMENT';
}
export class InvalidReferenceError extends DomainError {
  readonly code = 'INVALID_REFERENCE';
}
export class SentenceRequiredError extends DomainError {
  readonly code = 'SENTENCE_REQUIRED';
}
export class NotASignatoryError extends DomainError {
  readonly code = 'NOT_A_SIGNATORY';
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
