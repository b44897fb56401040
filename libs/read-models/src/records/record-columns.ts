import {
  countryCodes,
  deadlineDay,
  endDay,
  isRetracted,
  startDay,
  type CountryInvolvement,
  type IsoDay,
  type LiveRecord,
  type Occurred,
  type RecordKind,
  type RecordState,
} from '@tracker/domain';

/** Every record's fields carry at least these; commitments add a deadline, a meeting or statement, a theme. */
interface BaseFields {
  readonly countries: readonly CountryInvolvement[];
  readonly occurred: Occurred;
  readonly deadline?: { date: string; precision: 'DAY' | 'MONTH' | 'YEAR' };
  readonly meetingId?: string;
  readonly statementId?: string;
  readonly theme?: string;
}

export type AnyLive = LiveRecord<BaseFields>;

/** The columns a record's state determines; the same in `records` and in `record_history`. */
export interface StateColumns {
  kind: RecordKind;
  status: string;
  retracted: 0 | 1;
  retraction_reason: string | null;
  state: string;
  countries: string;
  country_codes: string;
  occurred_start: IsoDay;
  occurred_end: IsoDay;
  due_day: IsoDay | null;
  meeting_id: string | null;
  statement_id: string | null;
  theme: string | null;
}

/** Every column of a record row besides its id, in `records` and `record_history` alike. */
export const RECORD_COLUMN_NAMES = [
  'kind',
  'status',
  'retracted',
  'retraction_reason',
  'state',
  'countries',
  'country_codes',
  'occurred_start',
  'occurred_end',
  'due_day',
  'meeting_id',
  'statement_id',
  'theme',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'position',
  'revision',
] as const;

/** A row as queries read it (from `records`, or from `record_history` as of a recording time). */
export interface RecordRow extends Omit<StateColumns, 'retracted'> {
  id: string;
  retracted: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  position: string;
  revision: number;
}

/** The live record of a state: itself, or what a retracted record was. Undefined while absent. */
export function liveOf(state: RecordState<AnyLive>): AnyLive | undefined {
  if (isRetracted(state)) return state.live;
  return state.status === 'absent' ? undefined : (state as AnyLive);
}

/** `,KH,CN,`: a membership test is `instr(country_codes, ',KH,') > 0`. */
export function countryCodesColumn(countries: readonly CountryInvolvement[]): string {
  return `,${countryCodes(countries).join(',')},`;
}

/** Derives the sortable, filterable columns from the domain's state; nothing here is decided anew. */
export function stateColumns(kind: RecordKind, state: RecordState<AnyLive>): StateColumns {
  const live = liveOf(state);
  if (live === undefined) throw new Error('an absent record has no columns');
  const { fields } = live;
  const commitment = kind === 'COMMITMENT';
  return {
    kind,
    status: live.status,
    retracted: isRetracted(state) ? 1 : 0,
    retraction_reason: isRetracted(state) ? state.reason : null,
    state: JSON.stringify(state),
    countries: JSON.stringify(fields.countries),
    country_codes: countryCodesColumn(fields.countries),
    occurred_start: startDay(fields.occurred),
    occurred_end: endDay(fields.occurred),
    due_day: commitment && fields.deadline ? deadlineDay(fields.deadline) : null,
    meeting_id: (commitment && fields.meetingId) || null,
    statement_id: (commitment && fields.statementId) || null,
    theme: (commitment && fields.theme) || null,
  };
}
