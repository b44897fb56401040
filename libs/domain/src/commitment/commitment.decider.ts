import { type CountryCode, countriesWithRole, parseCountryCode } from '../shared/country.js';
import type { DecisionContext } from '../shared/decider.js';
import {
  InvalidAssessmentError,
  InvalidDateError,
  InvalidEvidenceError,
  NotASignatoryError,
  UnknownRecordError,
  ValidationFailedError,
} from '../shared/errors.js';
import {
  isAbsent,
  parseEnum,
  parseId,
  parseLabel,
  parseOptionalId,
  parseOptionalText,
  parseText,
  rethrowAs,
} from '../shared/fields.js';
import { assertNotAfter, parseIsoDay, startDay } from '../shared/occurred.js';
import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { requireActor } from '../shared/references.js';
import { parseSources } from '../shared/source.js';
import type {
  AssessCommitment,
  CommitmentCommand,
  LinkEvidence,
  SetImplementationStatus,
  UnlinkEvidence,
} from './commitment.commands.js';
import type {
  Assessment,
  CommitmentEvent,
  EvidenceLink,
  ImplementationStatusSet,
} from './commitment.events.js';
import {
  COMMITMENT_CORRECTABLE_FIELDS,
  type CommitmentFields,
  parseCommitmentFields,
} from './commitment.fields.js';
import { EVIDENCE_RELATIONS, IMPLEMENTATION_STATUSES, type ImplementationStatus } from './implementation.js';

export interface MadeCommitment extends LiveRecord<CommitmentFields> {
  readonly status: 'made';
  /** Each signatory's own implementation status, keyed by country code. */
  readonly implementation: Readonly<Record<CountryCode, ImplementationStatus>>;
  /** Every assessment, in recording order (see `latestAssessments`). */
  readonly assessments: readonly Assessment[];
  /** Current evidence links, in linking order. */
  readonly evidence: readonly EvidenceLink[];
  /**
   * Signatories whose status was set by evidence (the automatic LIMITED), not by a reviewer: only these
   * go back to NO_EVIDENCE when their last supporting link goes. Absent in states folded before it was kept.
   */
  readonly automatic?: readonly CountryCode[];
}

export type CommitmentState = RecordState<MadeCommitment>;

type LifecycleCommand = Exclude<CommitmentCommand, { type: 'MakeCommitment' }>;
type LifecycleEvent = Exclude<
  CommitmentEvent,
  { type: 'CommitmentMade' | 'RecordCorrected' | 'RecordRetracted' | 'RetractionCorrected' }
>;

export function signatoriesOf(fields: CommitmentFields): CountryCode[] {
  return countriesWithRole(fields.countries, 'SIGNATORY');
}

function implementationFor(
  signatories: readonly CountryCode[],
  previous: Readonly<Record<CountryCode, ImplementationStatus>> = {},
): Record<CountryCode, ImplementationStatus> {
  return Object.fromEntries(signatories.map((code) => [code, previous[code] ?? 'NO_EVIDENCE']));
}

/** A country code that must be one of the commitment's signatories. */
function parseSignatory(value: unknown, field: string, live: MadeCommitment): CountryCode {
  const code = parseCountryCode(value, field);
  if (!signatoriesOf(live.fields).includes(code)) {
    throw new NotASignatoryError(`${field}: ${code} did not sign this commitment`, field);
  }
  return code;
}

/** A list of signatory codes, each once. */
function parseSignatories(value: unknown, field: string, live: MadeCommitment): CountryCode[] {
  if (!Array.isArray(value)) throw new ValidationFailedError(`${field} must be a list`, field);
  return [...new Set(value.map((item, i) => parseSignatory(item, `${field}[${i}]`, live)))];
}

function assess(command: AssessCommitment, live: MadeCommitment, context: DecisionContext): LifecycleEvent[] {
  const assessmentId = rethrowAs(InvalidAssessmentError, () => parseId(command.assessmentId, 'assessmentId'));
  if (live.assessments.some((a) => a.assessmentId === assessmentId)) {
    throw new InvalidAssessmentError(`assessment ${assessmentId} is already recorded`, 'assessmentId');
  }
  const assessor = rethrowAs(InvalidAssessmentError, () => parseLabel(command.assessor, 'assessor'));
  const assessorId = parseOptionalId(command.assessorId, 'assessorId');
  if (assessorId !== undefined) requireActor(context, assessorId, 'assessorId');
  const rating = rethrowAs(InvalidAssessmentError, () =>
    parseEnum(command.rating, IMPLEMENTATION_STATUSES, 'rating'),
  );
  const rationale = rethrowAs(InvalidAssessmentError, () => parseText(command.rationale, 'rationale'));
  const sources = parseSources(command.sources, 'sources');
  const assessedOn = parseIsoDay(command.assessedOn, 'assessedOn');
  assertNotAfter(assessedOn, context.today, 'assessedOn');
  if (assessedOn < startDay(live.fields.occurred)) {
    throw new InvalidDateError('assessedOn is before the commitment was made', 'assessedOn');
  }
  const country = isAbsent(command.country) ? undefined : parseSignatory(command.country, 'country', live);
  const assessment: Assessment = {
    assessmentId,
    assessor,
    ...(assessorId === undefined ? {} : { assessorId }),
    ...(country === undefined ? {} : { country }),
    rating,
    rationale,
    sources,
    assessedOn,
  };
  return [{ type: 'CommitmentAssessed', data: { recordId: live.recordId, ...assessment } }];
}

function linkEvidence(
  command: LinkEvidence,
  live: MadeCommitment,
  context: DecisionContext,
): LifecycleEvent[] {
  const evidenceId = parseId(command.evidenceId, 'evidenceId');
  if (evidenceId === live.recordId) {
    throw new InvalidEvidenceError('a commitment is not evidence of itself', 'evidenceId');
  }
  const relation = rethrowAs(InvalidEvidenceError, () =>
    parseEnum(command.relation, EVIDENCE_RELATIONS, 'relation'),
  );
  const fact = context.records.get(evidenceId);
  if (fact === undefined) throw new UnknownRecordError(`evidenceId: no record ${evidenceId}`, 'evidenceId');
  if (fact.kind === 'COMMITMENT') {
    throw new InvalidEvidenceError('evidence is an action record, not another commitment', 'evidenceId');
  }
  if (fact.retracted) throw new InvalidEvidenceError(`record ${evidenceId} is retracted`, 'evidenceId');
  if (live.evidence.some((link) => link.evidenceId === evidenceId)) {
    throw new InvalidEvidenceError(`record ${evidenceId} is already linked`, 'evidenceId');
  }
  const signatories = signatoriesOf(live.fields);
  let countries: CountryCode[];
  if (isAbsent(command.countries)) {
    const involved = signatories.filter((code) => fact.countries.some((c) => c.code === code));
    countries = involved.length > 0 ? involved : signatories;
  } else {
    countries = parseSignatories(command.countries, 'countries', live);
    if (countries.length === 0) throw new NotASignatoryError('countries must name a signatory', 'countries');
  }
  const note = parseOptionalText(command.note, 'note');
  const sources =
    isAbsent(command.sources) || (Array.isArray(command.sources) && command.sources.length === 0)
      ? undefined
      : parseSources(command.sources, 'sources');
  const link: EvidenceLink = {
    evidenceId,
    evidenceKind: fact.kind,
    relation,
    countries,
    ...(note === undefined ? {} : { note }),
    ...(sources === undefined ? {} : { sources }),
  };
  const events: LifecycleEvent[] = [{ type: 'EvidenceLinked', data: { recordId: live.recordId, ...link } }];
  // domain.md: linking a supporting action moves NO_EVIDENCE to LIMITED. It is its own event so read
  // models and the commitmentStatusChanged subscription see the change like any other.
  if (relation === 'SUPPORTS') {
    for (const country of countries) {
      if (live.implementation[country] !== 'NO_EVIDENCE') continue;
      events.push({
        type: 'ImplementationStatusSet',
        data: {
          recordId: live.recordId,
          country,
          status: 'LIMITED',
          previous: 'NO_EVIDENCE',
          cause: 'EVIDENCE',
          evidenceId,
        },
      });
    }
  }
  return events;
}

function unlinkEvidence(command: UnlinkEvidence, live: MadeCommitment): LifecycleEvent[] {
  const evidenceId = parseId(command.evidenceId, 'evidenceId');
  if (!live.evidence.some((link) => link.evidenceId === evidenceId)) {
    throw new InvalidEvidenceError(`record ${evidenceId} is not linked to this commitment`, 'evidenceId');
  }
  const reason = parseText(command.reason, 'reason');
  const events: LifecycleEvent[] = [
    { type: 'EvidenceUnlinked', data: { recordId: live.recordId, evidenceId, reason } },
  ];
  // domain.md: the automatic LIMITED holds while a supporting link does; a status a reviewer set stays.
  const remaining = live.evidence.filter((link) => link.evidenceId !== evidenceId);
  for (const country of live.automatic ?? []) {
    if (live.implementation[country] !== 'LIMITED') continue;
    const supported = remaining.some(
      (link) => link.relation === 'SUPPORTS' && link.countries.includes(country),
    );
    if (supported) continue;
    events.push({
      type: 'ImplementationStatusSet',
      data: {
        recordId: live.recordId,
        country,
        status: 'NO_EVIDENCE',
        previous: 'LIMITED',
        cause: 'EVIDENCE',
        evidenceId,
        reason: 'Its last supporting evidence was unlinked.',
      },
    });
  }
  return events;
}

function setStatus(command: SetImplementationStatus, live: MadeCommitment): LifecycleEvent[] {
  const status = parseEnum(command.status, IMPLEMENTATION_STATUSES, 'status');
  const countries = isAbsent(command.countries)
    ? signatoriesOf(live.fields)
    : parseSignatories(command.countries, 'countries', live);
  // An empty list would record nothing yet answer success; omit it to mean every signatory.
  if (countries.length === 0) throw new NotASignatoryError('countries must name a signatory', 'countries');
  const reason = parseText(command.reason, 'reason');
  const sources = parseSources(command.sources, 'sources');
  const assessmentId = rethrowAs(InvalidAssessmentError, () =>
    parseOptionalId(command.assessmentId, 'assessmentId'),
  );
  if (assessmentId !== undefined && !live.assessments.some((a) => a.assessmentId === assessmentId)) {
    throw new InvalidAssessmentError(`no assessment ${assessmentId} on this commitment`, 'assessmentId');
  }
  // Setting a signatory to the status it has records nothing: a retried command changes nothing twice.
  return countries
    .filter((country) => live.implementation[country] !== status)
    .map((country): ImplementationStatusSet => ({
      type: 'ImplementationStatusSet',
      data: {
        recordId: live.recordId,
        country,
        status,
        previous: live.implementation[country] ?? 'NO_EVIDENCE',
        cause: 'EDITORIAL',
        ...(assessmentId === undefined ? {} : { assessmentId }),
        reason,
        sources,
      },
    }));
}

function decide(command: LifecycleCommand, live: MadeCommitment, context: DecisionContext): LifecycleEvent[] {
  switch (command.type) {
    case 'AssessCommitment':
      return assess(command, live, context);
    case 'LinkEvidence':
      return linkEvidence(command, live, context);
    case 'UnlinkEvidence':
      return unlinkEvidence(command, live);
    case 'SetImplementationStatus':
      return setStatus(command, live);
  }
}

function evolve(live: MadeCommitment, event: LifecycleEvent): MadeCommitment {
  switch (event.type) {
    case 'CommitmentAssessed': {
      const { recordId: _recordId, ...assessment } = event.data;
      const lastStepDay =
        live.lastStepDay !== undefined && live.lastStepDay > assessment.assessedOn
          ? live.lastStepDay
          : assessment.assessedOn;
      return { ...live, assessments: [...live.assessments, assessment], lastStepDay };
    }
    case 'EvidenceLinked': {
      const { recordId: _recordId, ...link } = event.data;
      return { ...live, evidence: [...live.evidence, link] };
    }
    case 'EvidenceUnlinked':
      return { ...live, evidence: live.evidence.filter((link) => link.evidenceId !== event.data.evidenceId) };
    case 'ImplementationStatusSet': {
      const { country, status, cause } = event.data;
      const others = (live.automatic ?? []).filter((code) => code !== country);
      // Set by evidence to LIMITED: automatic; anything else (a reviewer's, or back to NO_EVIDENCE): not.
      const automatic = cause === 'EVIDENCE' && status === 'LIMITED' ? [...others, country] : others;
      return { ...live, implementation: { ...live.implementation, [country]: status }, automatic };
    }
  }
}

export const commitmentDecider = recordDecider<
  'COMMITMENT',
  CommitmentFields,
  MadeCommitment,
  'MakeCommitment',
  'CommitmentMade',
  LifecycleCommand,
  LifecycleEvent
>({
  kind: 'COMMITMENT',
  createCommand: 'MakeCommitment',
  createdEvent: 'CommitmentMade',
  commands: ['AssessCommitment', 'LinkEvidence', 'UnlinkEvidence', 'SetImplementationStatus'],
  correctable: COMMITMENT_CORRECTABLE_FIELDS,
  parseFields: (input, context, current) => parseCommitmentFields(input, context, current?.fields),
  born: (recordId, fields) => ({
    status: 'made',
    recordId,
    fields,
    implementation: implementationFor(signatoriesOf(fields)),
    assessments: [],
    evidence: [],
  }),
  decide,
  evolve,
  // A corrected signatory list: new signatories start at NO_EVIDENCE, the others keep their status.
  corrected: (live) => ({
    ...live,
    implementation: implementationFor(signatoriesOf(live.fields), live.implementation),
  }),
});
