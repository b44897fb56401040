import type { RecordState } from '../shared/record-decider.js';
import { settledRecordDecider, type SettledRecord } from '../shared/settled-record-decider.js';
import { MEETING_CORRECTABLE_FIELDS, type MeetingFields, parseMeetingFields } from './meeting.fields.js';

export type HeldMeeting = SettledRecord<MeetingFields, 'held'>;

export type MeetingState = RecordState<HeldMeeting>;

export const meetingDecider = settledRecordDecider({
  kind: 'MEETING',
  createCommand: 'RecordMeeting',
  createdEvent: 'MeetingRecorded',
  status: 'held',
  correctable: MEETING_CORRECTABLE_FIELDS,
  parseFields: (input, context): MeetingFields => parseMeetingFields(input, context),
});
