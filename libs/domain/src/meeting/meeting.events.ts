import type { CreatedEvent } from '../shared/record-decider.js';
import type { CommonRecordEvent } from '../shared/record-events.js';
import type { MeetingFields } from './meeting.fields.js';

export type MeetingRecorded = CreatedEvent<'MeetingRecorded', MeetingFields>;

export type MeetingEvent = MeetingRecorded | CommonRecordEvent<'MEETING', MeetingFields>;
