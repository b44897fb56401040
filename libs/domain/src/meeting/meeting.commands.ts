import type { CreateCommand } from '../shared/record-decider.js';
import type { MeetingFields } from './meeting.fields.js';

export type RecordMeeting = CreateCommand<'RecordMeeting', MeetingFields>;

/** A meeting is held once; commitments attach to it by `meetingId`. It has no lifecycle commands of its own. */
export type MeetingCommand = RecordMeeting;
