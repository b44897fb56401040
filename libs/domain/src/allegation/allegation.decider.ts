import type { DecisionContext } from '../shared/decider.js';
import { InvalidEvidenceError, UnknownRecordError } from '../shared/errors.js';
import { parseEnum, parseId, parseOptionalText, parseText } from '../shared/fields.js';
import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { parseSource } from '../shared/source.js';
import {
  ALLEGATION_EVIDENCE_RELATIONS,
  allegationStatus,
  type AllegationStatus,
} from './allegation-status.js';
import type { LinkAllegationEvidence, UnlinkAllegationEvidence } from './allegation.commands.js';
import type { AllegationEvidenceLink, AllegationLifecycleEvent } from './allegation.events.js';
import {
  ALLEGATION_CORRECTABLE_FIELDS,
  type AllegationFields,
  parseAllegationFields,
} from './allegation.fields.js';

export interface AllegationLive extends LiveRecord<AllegationFields> {
  readonly status: AllegationStatus;
  readonly evidence: readonly AllegationEvidenceLink[];
}

export type AllegationState = RecordState<AllegationLive>;

function link(
  command: LinkAllegationEvidence,
  live: AllegationLive,
  context: DecisionContext,
): AllegationLifecycleEvent[] {
  const evidenceId = parseId(command.evidenceId, 'evidenceId');
  if (evidenceId === live.recordId) {
    throw new InvalidEvidenceError('an allegation is not evidence about itself', 'evidenceId');
  }
  const relation = parseEnum(command.relation, ALLEGATION_EVIDENCE_RELATIONS, 'relation');
  const fact = context.records.get(evidenceId);
  if (fact === undefined) throw new UnknownRecordError(`evidenceId: no record ${evidenceId}`, 'evidenceId');
  if (fact.retracted) throw new InvalidEvidenceError(`record ${evidenceId} is retracted`, 'evidenceId');
  if (live.evidence.some((existing) => existing.evidenceId === evidenceId)) {
    throw new InvalidEvidenceError(`record ${evidenceId} is already linked`, 'evidenceId');
  }
  const note = parseOptionalText(command.note, 'note');
  const sources = Array.isArray(command.sources)
    ? command.sources.map((source, i) => parseSource(source, `sources[${i}]`))
    : [];
  return [
    {
      type: 'AllegationEvidenceLinked',
      data: {
        recordId: live.recordId,
        evidenceId,
        relation,
        ...(note === undefined ? {} : { note }),
        sources,
      },
    },
  ];
}

function unlink(command: UnlinkAllegationEvidence, live: AllegationLive): AllegationLifecycleEvent[] {
  const evidenceId = parseId(command.evidenceId, 'evidenceId');
  if (!live.evidence.some((existing) => existing.evidenceId === evidenceId)) {
    throw new InvalidEvidenceError(`record ${evidenceId} is not linked to this allegation`, 'evidenceId');
  }
  return [
    {
      type: 'AllegationEvidenceUnlinked',
      data: { recordId: live.recordId, evidenceId, reason: parseText(command.reason, 'reason') },
    },
  ];
}

/** The live state with `evidence` as its links, its status derived from them. */
function withEvidence(live: AllegationLive, evidence: readonly AllegationEvidenceLink[]): AllegationLive {
  return { ...live, evidence, status: allegationStatus(evidence.map((item) => item.relation)) };
}

export const allegationDecider = recordDecider<
  'ALLEGATION',
  AllegationFields,
  AllegationLive,
  'RecordAllegation',
  'AllegationRecorded',
  LinkAllegationEvidence | UnlinkAllegationEvidence,
  AllegationLifecycleEvent
>({
  kind: 'ALLEGATION',
  createCommand: 'RecordAllegation',
  createdEvent: 'AllegationRecorded',
  commands: ['LinkAllegationEvidence', 'UnlinkAllegationEvidence'],
  correctable: ALLEGATION_CORRECTABLE_FIELDS,
  parseFields: (input, context, current) => parseAllegationFields(input, context, current),
  born: (recordId, fields) => ({ status: 'ALLEGED', recordId, fields, evidence: [] }),
  decide: (command, live, context) =>
    command.type === 'LinkAllegationEvidence' ? link(command, live, context) : unlink(command, live),
  evolve: (live, event) => {
    if (event.type === 'AllegationEvidenceLinked') {
      const { recordId: _recordId, ...linked } = event.data;
      return withEvidence(live, [...live.evidence, linked]);
    }
    return withEvidence(
      live,
      live.evidence.filter((existing) => existing.evidenceId !== event.data.evidenceId),
    );
  },
});
