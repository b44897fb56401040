import {
  actorFields,
  allegationFields,
  ARTICLE,
  arrestFields,
  commitmentFields,
  detentionFields,
  figureFields,
  meetingFields,
  shutdownFields,
  statementFields,
  taskForceFields,
} from '@tracker/domain/testing';

/*
 * Valid mutation inputs of every kind, for e2e specs that record something and then change it: the
 * domain's example records (libs/domain/src/testing/fixtures.ts, facts from the source article) in the
 * API's input shape. Each function returns a fresh object, so a spec can spread and override.
 */

export const ARTICLE_SOURCE = ARTICLE;

export const day = (date: string) => ({ date, precision: 'DAY' });

/** An occurrence as the API takes it: a date or a range, told apart by its fields (no `type` tag). */
function occurrenceInput(occurred: { type: string }): object {
  const { type: _type, ...input } = occurred;
  return input;
}

/** A domain record's fields as its creation input: a fresh deep copy, occurrences in the input's shape. */
function inputOf(fields: object): Record<string, unknown> {
  const input = structuredClone(fields) as Record<string, unknown> & { occurred: { type: string } };
  input.occurred = occurrenceInput(input.occurred) as never;
  if (input.period) input.period = occurrenceInput(input.period as { type: string });
  return input;
}

export const meetingInput = () => inputOf(meetingFields);
export const statementInput = () => inputOf(statementFields);
export const commitmentInput = (meetingId: string) => ({ ...inputOf(commitmentFields), meetingId });
export const taskForceInput = () => inputOf(taskForceFields);
export const arrestInput = () => inputOf(arrestFields);
export const detentionInput = () => inputOf(detentionFields);
export const shutdownInput = () => inputOf(shutdownFields);
export const figureInput = () => inputOf(figureFields);
export const actorInput = (overrides: Record<string, unknown> = {}) => ({
  ...inputOf(actorFields),
  ...overrides,
});
export const allegationInput = (allegedBy: string, about: string[]) => ({
  ...inputOf(allegationFields),
  allegedBy,
  about,
});

/** A source for lifecycle steps. */
export const stepSources = () => [{ url: 'https://example.org/follow-up' }];

/** The GraphQL input type of each mutation (`recordMeeting` → `RecordMeetingInput`). */
export function inputTypeOf(mutation: string): string {
  return `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
}

/** A mutation document selecting the payload and the projected record. */
export function mutationDocument(mutation: string): string {
  return `mutation Run($input: ${inputTypeOf(mutation)}!, $key: String) {
    ${mutation}(input: $input, idempotencyKey: $key) {
      recordId kind position replayed eventCount
      record { id kind retracted countries { code role } }
    }
  }`;
}
