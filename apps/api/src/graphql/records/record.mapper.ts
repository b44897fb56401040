import {
  countryInfo,
  detentionDays,
  detentionDaysRange,
  lastReportedDay,
  endDay,
  isOverdue,
  latestAssessments,
  partialEndDay,
  partialStartDay,
  signatoryViews,
  startDay,
  type Assessment as DomainAssessment,
  type CountryInvolvement,
  type EvidenceLink as DomainEvidenceLink,
  type Occurred as DomainOccurred,
  type PartialDate as DomainPartialDate,
  type Source as DomainSource,
} from '@tracker/domain';
import type { AnyRecordView, EvidenceView, RecordView } from '@tracker/read-models';
import { CountryRef, Occurred, PartialDate, RecordCountry, Source } from './record-parts.types.js';
import type {
  ArrestRecord,
  Assessment,
  CommitmentRecord,
  DetentionRecord,
  EvidenceLink,
  FigureRecord,
  MeetingRecord,
  RecordInterface,
  ShutdownRecord,
  StatementRecord,
  ActorRecord,
  AllegationRecord,
  TaskForceRecord,
} from './record.types.js';

/*
 * Read-model views → GraphQL values. Derived answers (overdue, days detained, latest assessments) come
 * from the domain's own functions, for the view's `today`: the current day, or the asOf day.
 */

export function countryRef(code: string): CountryRef {
  return { code, name: countryInfo(code).name };
}

function recordCountry({ code, role }: CountryInvolvement): RecordCountry {
  return { ...countryRef(code), role };
}

function partialDate(value: DomainPartialDate): PartialDate {
  return { ...value, startDay: partialStartDay(value), endDay: partialEndDay(value) };
}

export function toOccurred(value: DomainOccurred): Occurred {
  const days = { startDay: startDay(value), endDay: endDay(value) };
  if (value.type === 'DATE') return { type: 'DATE', date: value.date, precision: value.precision, ...days };
  return { type: 'RANGE', from: partialDate(value.from), to: partialDate(value.to), ...days };
}

function sources(list: readonly DomainSource[] | undefined): Source[] {
  return (list ?? []).map((source) => ({ ...source }));
}

function assessment(value: DomainAssessment): Assessment {
  return {
    ...value,
    country: value.country === undefined ? undefined : countryRef(value.country),
    sources: sources(value.sources),
  };
}

function base(view: RecordView): RecordInterface {
  const { fields } = view.live;
  return {
    id: view.id,
    kind: view.kind,
    countries: fields.countries.map(recordCountry),
    occurred: toOccurred(fields.occurred),
    sources: sources(fields.sources),
    confidence: fields.confidence,
    retracted: view.retracted,
    retractionReason: view.retractionReason,
    recordedAt: new Date(view.recordedAt),
    recordedBy: view.recordedBy,
    updatedAt: new Date(view.updatedAt),
    updatedBy: view.updatedBy,
    position: view.position,
    revision: view.revision,
    asOf: view.asOf === undefined ? undefined : new Date(view.asOf),
    view: view as AnyRecordView,
  };
}

export function toCommitmentModel(view: RecordView<'COMMITMENT'>): CommitmentRecord {
  const { live } = view;
  const { fields } = live;
  return {
    ...base(view),
    text: fields.text,
    theme: fields.theme,
    meetingId: fields.meetingId,
    statementId: fields.statementId,
    deadline: fields.deadline === undefined ? undefined : partialDate(fields.deadline),
    // A retracted commitment is overdue for nobody (isOverdue says so): it left every tally.
    overdue: isOverdue(view.state, view.today),
    signatories: signatoryViews(live, view.today).map((signatory) => ({
      country: countryRef(signatory.country),
      implementation: signatory.implementation,
      overdue: !view.retracted && signatory.overdue,
      latestAssessments: signatory.assessments.map(assessment),
    })),
    assessments: live.assessments.map(assessment),
    latestAssessments: latestAssessments(live.assessments).map(assessment),
  };
}

export function toDetentionModel(view: RecordView<'DETENTION'>): DetentionRecord {
  const { live } = view;
  const { fields } = live;
  const range = detentionDaysRange(live, view.today);
  return {
    ...base(view),
    status: live.status,
    inCustody: !view.retracted && live.inCustody,
    // Counted on the live case even when retracted: an audit still sees what was claimed.
    daysDetained: detentionDays(live, view.today),
    daysDetainedRange: { min: range.min, max: range.max },
    daysDetainedApproximate: range.approximate,
    lastReportedOn: lastReportedDay(live)!,
    persons: fields.persons.map((person) => ({
      name: person.name,
      role: person.role,
      nationality: person.nationality === undefined ? undefined : countryRef(person.nationality),
      actorId: person.actorId,
    })),
    outlet: fields.outlet,
    outletId: fields.outletId,
    reason: fields.reason,
    charges: [...fields.charges],
    sentence: fields.sentence === undefined ? undefined : { ...fields.sentence },
    custody: live.custody.map((period) => ({ ...period })),
    notes: live.notes.map((note) => ({ ...note, on: partialDate(note.on), sources: sources(note.sources) })),
  };
}

/** A record as GraphQL answers it: the object type of its kind. */
export type AnyRecordModel =
  | MeetingRecord
  | CommitmentRecord
  | TaskForceRecord
  | ArrestRecord
  | DetentionRecord
  | ShutdownRecord
  | FigureRecord
  | StatementRecord
  | ActorRecord
  | AllegationRecord;

/**
 * The GraphQL value of a record view: the object type of its kind, with the `Record` fields. A kind's own
 * fields pass as the domain holds them (GraphQL reads only the fields its type declares), then the shared
 * ones in their GraphQL shape, and what differs (read-only lists copied, nested dates converted).
 */
export function toRecordModel(view: AnyRecordView): AnyRecordModel {
  switch (view.kind) {
    case 'MEETING': {
      const { fields } = view.live;
      return { ...fields, ...base(view), bodies: [...fields.bodies] } satisfies MeetingRecord;
    }
    case 'COMMITMENT':
      return toCommitmentModel(view);
    case 'TASK_FORCE': {
      const { live } = view;
      return {
        ...base(view),
        name: live.fields.name,
        mandate: live.fields.mandate,
        memberAgencies: [...live.fields.memberAgencies],
        memberAgencyIds: [...(live.fields.memberAgencyIds ?? [])],
        active: live.status === 'active',
        dissolution:
          live.status === 'dissolved'
            ? {
                on: partialDate(live.dissolution.on),
                reason: live.dissolution.reason,
                sources: sources(live.dissolution.sources),
              }
            : undefined,
      } satisfies TaskForceRecord;
    }
    case 'ARREST': {
      const { fields, figures } = view.live;
      return {
        ...base(view),
        personsArrested: fields.personsArrested,
        nationalities: fields.nationalities.map((n) => ({ country: countryRef(n.country), count: n.count })),
        charges: [...fields.charges],
        place: fields.place,
        deported: figures.deported,
        prosecuted: figures.prosecuted,
        figuresOn: figures.on === undefined ? undefined : partialDate(figures.on),
      } satisfies ArrestRecord;
    }
    case 'DETENTION':
      return toDetentionModel(view);
    case 'SHUTDOWN': {
      const { fields } = view.live;
      return { ...fields, ...base(view), categories: [...fields.categories] } satisfies ShutdownRecord;
    }
    case 'FIGURE': {
      const { fields } = view.live;
      return {
        ...fields,
        ...base(view),
        period: fields.period === undefined ? undefined : toOccurred(fields.period),
      } satisfies FigureRecord;
    }
    case 'STATEMENT': {
      const { fields } = view.live;
      return { ...fields, ...base(view) } satisfies StatementRecord;
    }
    case 'ACTOR': {
      const { live } = view;
      return {
        ...base(view),
        actorType: live.fields.actorType,
        name: live.fields.name,
        names: live.fields.names.map((name) => ({ ...name })),
        aliases: [...live.fields.aliases],
        description: live.fields.description,
        merger:
          live.status === 'merged'
            ? { into: live.merger.into, reason: live.merger.reason, sources: sources(live.merger.sources) }
            : undefined,
      } satisfies ActorRecord;
    }
    case 'ALLEGATION': {
      const { live } = view;
      return {
        ...base(view),
        allegedBy: live.fields.allegedBy,
        about: [...live.fields.about],
        claim: live.fields.claim,
        allegationStatus: live.status,
        evidenceLinks: live.evidence.map((link) => ({
          recordId: link.evidenceId,
          relation: link.relation,
          note: link.note,
          sources: sources(link.sources),
        })),
      } satisfies AllegationRecord;
    }
  }
}

export function toEvidenceLink({ link, record }: EvidenceView): EvidenceLink {
  const value: DomainEvidenceLink = link;
  return {
    relation: value.relation,
    recordId: value.evidenceId,
    recordKind: value.evidenceKind,
    countries: value.countries.map(countryRef),
    note: value.note,
    sources: sources(value.sources),
    record: record === undefined ? undefined : toRecordModel(record),
  };
}
