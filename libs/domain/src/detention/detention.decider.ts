import type { DecisionContext } from '../shared/decider.js';
import { InvalidTransitionError } from '../shared/errors.js';
import { parseEnum, parseLabels, parseOptionalText, parseText } from '../shared/fields.js';
import { type IsoDay, parseStepDate, partialStartDay, startDay } from '../shared/occurred.js';
import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { parseSources } from '../shared/source.js';
import { DETENTION_NOTE_CATEGORIES, type DetentionStatus } from './detention-status.js';
import type { AddDetentionNote, DetentionCommand } from './detention.commands.js';
import type {
  DetentionNote,
  DetentionNoteAdded,
  DetentionStep,
  DetentionStepEvent,
} from './detention.events.js';
import {
  DETENTION_CORRECTABLE_FIELDS,
  type DetentionFields,
  parseDetentionFields,
  parseSentence,
} from './detention.fields.js';

/** A stretch of time in custody; `to` is absent while it lasts. */
export interface CustodyPeriod {
  readonly from: IsoDay;
  readonly to?: IsoDay;
}

interface DetentionCase<S extends DetentionStatus> extends LiveRecord<DetentionFields> {
  readonly status: S;
  readonly inCustody: boolean;
  /** Every period in custody, in order (a custodial conviction after bail opens a new one). */
  readonly custody: readonly CustodyPeriod[];
  readonly notes: readonly DetentionNote[];
}

/** One variant per lifecycle status. */
export type DetentionLive = { [S in DetentionStatus]: DetentionCase<S> }[DetentionStatus];
export type DetentionState = RecordState<DetentionLive>;

type LifecycleCommand = Exclude<DetentionCommand, { type: 'ReportDetention' }>;
type StepCommand = Exclude<LifecycleCommand, AddDetentionNote>;
type LifecycleEvent = DetentionStepEvent | DetentionNoteAdded;

/** The transition table: from which statuses each step is allowed, and where it leads. */
const STEPS: Record<
  StepCommand['type'],
  {
    readonly event: DetentionStepEvent['type'];
    readonly from: readonly DetentionStatus[];
    readonly to: DetentionStatus;
  }
> = {
  ChargeDetention: { event: 'DetentionCharged', from: ['DETAINED', 'CHARGED'], to: 'CHARGED' },
  ReleaseDetentionOnBail: {
    event: 'DetentionReleasedOnBail',
    from: ['DETAINED', 'CHARGED'],
    to: 'RELEASED_ON_BAIL',
  },
  // CONVICTED → RELEASED: the sentence served, or a pardon; only from custody (see below).
  ReleaseDetention: {
    event: 'DetentionReleased',
    from: ['DETAINED', 'CHARGED', 'CONVICTED'],
    to: 'RELEASED',
  },
  ConvictDetention: { event: 'DetentionConvicted', from: ['CHARGED', 'RELEASED_ON_BAIL'], to: 'CONVICTED' },
  AcquitDetention: { event: 'DetentionAcquitted', from: ['CHARGED', 'RELEASED_ON_BAIL'], to: 'ACQUITTED' },
  DropDetentionCharges: {
    event: 'DetentionChargesDropped',
    from: ['CHARGED', 'RELEASED_ON_BAIL'],
    to: 'CHARGES_DROPPED',
  },
};

function step(command: StepCommand, live: DetentionLive, context: DecisionContext): DetentionStepEvent[] {
  const { from, to } = STEPS[command.type];
  if (!from.includes(live.status)) {
    throw new InvalidTransitionError(`a ${live.status} detention cannot go to ${to}`, 'recordId');
  }
  // A released case is not released again, whatever path it took out of custody.
  if (command.type === 'ReleaseDetention' && !live.inCustody) {
    throw new InvalidTransitionError('the persons are not in custody: nothing to release', 'recordId');
  }
  const notBefore = live.lastStepDay ?? startDay(live.fields.occurred);
  const on = parseStepDate(command.on, 'on', notBefore, context.today);
  const base = {
    recordId: live.recordId,
    on,
    sources: [] as DetentionStep['sources'],
    status: to,
    inCustody: false,
  };
  switch (command.type) {
    case 'ChargeDetention': {
      const charges = parseLabels(command.charges, 'charges', 1);
      return [
        {
          type: 'DetentionCharged',
          data: { ...base, sources: parseSources(command.sources), inCustody: live.inCustody, charges },
        },
      ];
    }
    case 'ConvictDetention': {
      const sentence = parseSentence(command.sentence);
      const sources = parseSources(command.sources);
      return [
        { type: 'DetentionConvicted', data: { ...base, sources, inCustody: sentence.custodial, sentence } },
      ];
    }
    case 'ReleaseDetentionOnBail': {
      const conditions = parseOptionalText(command.conditions, 'conditions');
      const sources = parseSources(command.sources);
      return [
        {
          type: 'DetentionReleasedOnBail',
          data: { ...base, sources, ...(conditions === undefined ? {} : { conditions }) },
        },
      ];
    }
    case 'ReleaseDetention': {
      const reason = parseOptionalText(command.reason, 'reason');
      const sources = parseSources(command.sources);
      return [
        {
          type: 'DetentionReleased',
          data: { ...base, sources, ...(reason === undefined ? {} : { reason }) },
        },
      ];
    }
    case 'AcquitDetention':
      return [{ type: 'DetentionAcquitted', data: { ...base, sources: parseSources(command.sources) } }];
    case 'DropDetentionCharges':
      return [{ type: 'DetentionChargesDropped', data: { ...base, sources: parseSources(command.sources) } }];
  }
}

function addNote(
  command: AddDetentionNote,
  live: DetentionLive,
  context: DecisionContext,
): DetentionNoteAdded[] {
  if (live.status === 'ACQUITTED') {
    throw new InvalidTransitionError('an acquitted case is closed: only corrections follow', 'recordId');
  }
  const on = parseStepDate(command.on, 'on', startDay(live.fields.occurred), context.today);
  const category = parseEnum(command.category, DETENTION_NOTE_CATEGORIES, 'category');
  const note = parseText(command.note, 'note');
  const sources = parseSources(command.sources);
  return [{ type: 'DetentionNoteAdded', data: { recordId: live.recordId, on, category, note, sources } }];
}

function decide(command: LifecycleCommand, live: DetentionLive, context: DecisionContext): LifecycleEvent[] {
  return command.type === 'AddDetentionNote' ? addNote(command, live, context) : step(command, live, context);
}

function evolve(live: DetentionLive, event: LifecycleEvent): DetentionLive {
  if (event.type === 'DetentionNoteAdded') {
    const { recordId: _recordId, ...note } = event.data;
    return { ...live, notes: [...live.notes, note] };
  }
  const { on, status, inCustody } = event.data;
  const day = partialStartDay(on);
  let custody = live.custody;
  if (live.inCustody && !inCustody) custody = [...custody.slice(0, -1), { ...custody.at(-1)!, to: day }];
  if (!live.inCustody && inCustody) custody = [...custody, { from: day }];
  let fields = live.fields;
  if (event.type === 'DetentionCharged') {
    fields = { ...fields, charges: [...new Set([...fields.charges, ...event.data.charges])] };
  }
  if (event.type === 'DetentionConvicted') fields = { ...fields, sentence: event.data.sentence };
  return { ...live, status, inCustody, custody, fields, lastStepDay: day } as DetentionLive;
}

export const detentionDecider = recordDecider<
  'DETENTION',
  DetentionFields,
  DetentionLive,
  'ReportDetention',
  'JournalistDetained',
  LifecycleCommand,
  LifecycleEvent
>({
  kind: 'DETENTION',
  createCommand: 'ReportDetention',
  createdEvent: 'JournalistDetained',
  commands: [
    'ChargeDetention',
    'ReleaseDetentionOnBail',
    'ReleaseDetention',
    'ConvictDetention',
    'AcquitDetention',
    'DropDetentionCharges',
    'AddDetentionNote',
  ],
  correctable: DETENTION_CORRECTABLE_FIELDS,
  parseFields: (input, context, current) =>
    parseDetentionFields(
      input,
      context,
      current !== undefined && current.fields.sentence !== undefined,
      current,
    ),
  born: (recordId, fields) => ({
    status: 'DETAINED',
    recordId,
    fields,
    inCustody: true,
    custody: [{ from: startDay(fields.occurred) }],
    notes: [],
  }),
  decide,
  evolve,
  // Custody began when the detention occurred: a corrected date moves the first period's start.
  corrected: (live) => {
    const [first, ...rest] = live.custody;
    if (first === undefined) return live;
    return { ...live, custody: [{ ...first, from: startDay(live.fields.occurred) }, ...rest] };
  },
});
