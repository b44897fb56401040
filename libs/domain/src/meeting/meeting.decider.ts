import { type LiveRecord, recordDecider, type RecordState } from '../shared/record-decider.js';
import { MEETING_CORRECTABLE_FIELDS, type MeetingFields, parseMeetingFields } from './meeting.fields.js';

export interface HeldMeeting extends LiveRecord<MeetingFields> {
  readonly status: 'held';
}

export type MeetingState = RecordState<HeldMeeting>;

export const meetingDecider = recordDecider<
  'MEETING',
  MeetingFields,
  HeldMeeting,
  'RecordMeeting',
  'MeetingRecorded',
  never,
  never
>({
  kind: 'MEETING',
  createCommand: 'RecordMeeting',
  createdEvent: 'MeetingRecorded',
  commands: [],
  correctable: MEETING_CORRECTABLE_FIELDS,
  parseFields: (input, context) => parseMeetingFields(input, context),
  born: (recordId, fields): HeldMeeting => ({ status: 'held', recordId, fields }),
  decide: (command: never) => command,
  evolve: (live: HeldMeeting) => live,
});
