import { RECORD_KINDS, CREATION_COMMANDS, type RecordKind } from '@tracker/domain';
import { CellError, fieldsOfRow, type ExportedEvent } from '@tracker/exchange';
import type { RecordCommandInput } from '@tracker/tracking';
import { GraphQLError } from 'graphql';
import {
  commandFor,
  createInputValidationPipe,
  RECORD_MUTATIONS,
  type FieldProblem,
  type RecordMutation,
} from '@tracker/mutation-inputs';

export type DomainCommandInput = RecordCommandInput;

/** One command an import line stands for, with the idempotency key that makes re-running it a no-op. */
export interface PlannedCommand {
  command: DomainCommandInput;
  key: string;
  /** The key was given by the line (bound to its request, as over the API), not derived from the file. */
  given?: boolean;
}

/** Why a line was refused: as the report file lists it. */
export interface LineProblem {
  line: number;
  field?: string;
  code: string;
  message: string;
}

export class LineRefused extends Error {
  constructor(readonly problem: Omit<LineProblem, 'line'>) {
    super(problem.message);
  }
}

const validation = createInputValidationPipe();

/**
 * An NDJSON line's commands. A line is one of:
 * - `{ "mutation": "reportFigure", "input": {...}, "recordId"?, "idempotencyKey"? }`: a mutation in the
 *   API's input shape, checked by its class-validator rules (a creation may give its `recordId`);
 * - `{ "type": "ReportFigure", ... }`: a domain command, as the demo dataset writes them;
 * - a record of `tracker export records --format ndjson`: created with its fields, and retracted if it is.
 */
export async function commandsOfJsonLine(value: unknown, key: string): Promise<PlannedCommand[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineRefused({ code: 'BAD_USER_INPUT', message: 'a line must be a JSON object' });
  }
  const line = value as Record<string, unknown>;
  const given = typeof line.idempotencyKey === 'string';
  const lineKey = given ? (line.idempotencyKey as string) : key;
  if (typeof line.mutation === 'string') {
    return [
      { command: await mutationCommand(line.mutation, line.input, line.recordId), key: lineKey, given },
    ];
  }
  if (typeof line.type === 'string') {
    const { idempotencyKey: _key, ...command } = line;
    return [{ command: command as unknown as DomainCommandInput, key: lineKey, given }];
  }
  if (typeof line.kind === 'string' && typeof line.fields === 'object' && line.fields !== null) {
    return recordCommands(
      kindOf(line.kind),
      line.fields as Record<string, unknown>,
      line.id,
      line.retracted === true ? String(line.retractionReason ?? '') : undefined,
      lineKey,
    );
  }
  throw new LineRefused({
    code: 'BAD_USER_INPUT',
    message:
      'a line is a mutation ({"mutation", "input"}), a domain command ({"type", ...}) or an exported record',
  });
}

/** A CSV row's commands: the record it describes, created with the id it gives, retracted if it says so. */
export function commandsOfCsvRow(row: Record<string, string | undefined>, key: string): PlannedCommand[] {
  const kind = kindOf(row.kind);
  let fields: Record<string, unknown>;
  try {
    fields = fieldsOfRow(kind, row);
  } catch (error) {
    if (error instanceof CellError)
      throw new LineRefused({
        field: error.column,
        code: 'BAD_USER_INPUT',
        message: `${error.column}: ${error.message}`,
      });
    throw error;
  }
  const retracted = row.retracted?.trim().toLowerCase() === 'true';
  return recordCommands(
    kind,
    fields,
    row.id?.trim() || undefined,
    retracted ? (row.retraction_reason ?? '') : undefined,
    key,
  );
}

/** An event-export group's command: replayed under the original command's id, so a re-run is a no-op. */
export function replayKey(events: readonly ExportedEvent[]): string {
  return `replay:${String(events[0]!.metadata.commandId ?? events[0]!.id)}`;
}

function recordCommands(
  kind: RecordKind,
  fields: Record<string, unknown>,
  id: unknown,
  retractionReason: string | undefined,
  key: string,
): PlannedCommand[] {
  if (id !== undefined && typeof id !== 'string') {
    throw new LineRefused({ field: 'id', code: 'BAD_USER_INPUT', message: 'id must be a UUID string' });
  }
  // Checked before anything is written: a record is never created and then left unretracted.
  if (retractionReason !== undefined && retractionReason.trim() === '') {
    throw new LineRefused({
      field: 'retraction_reason',
      code: 'BAD_USER_INPUT',
      message: 'a retracted record needs its retraction reason',
    });
  }
  const create = { ...fields, type: CREATION_COMMANDS[kind], ...(id ? { recordId: id } : {}) };
  const planned: PlannedCommand[] = [
    { command: create as unknown as DomainCommandInput, key: `${key}:create` },
  ];
  if (retractionReason !== undefined) {
    if (!id)
      throw new LineRefused({
        field: 'id',
        code: 'BAD_USER_INPUT',
        message: 'a retracted record needs its id',
      });
    planned.push({
      command: {
        type: 'RetractRecord',
        recordId: id,
        reason: retractionReason,
      } as unknown as DomainCommandInput,
      key: `${key}:retract`,
    });
  }
  return planned;
}

async function mutationCommand(
  mutation: string,
  input: unknown,
  recordId: unknown,
): Promise<DomainCommandInput> {
  // Own names only: `constructor` or `__proto__` name no mutation.
  const entry: RecordMutation | undefined = Object.hasOwn(RECORD_MUTATIONS, mutation)
    ? (RECORD_MUTATIONS as Record<string, RecordMutation>)[mutation]
    : undefined;
  if (entry === undefined) {
    throw new LineRefused({
      field: 'mutation',
      code: 'BAD_USER_INPUT',
      message: `${mutation} is not a mutation of the API`,
    });
  }
  let validated;
  try {
    validated = (await validation.transform(input, {
      type: 'body',
      metatype: entry.input,
      data: 'input',
    })) as object;
  } catch (error) {
    if (error instanceof GraphQLError) {
      const fields = (error.extensions.fields ?? []) as FieldProblem[];
      throw new LineRefused({
        ...(fields[0] ? { field: `input.${fields[0].field}` } : {}),
        code: 'BAD_USER_INPUT',
        message: error.message,
      });
    }
    throw error;
  }
  const command = commandFor(entry, validated);
  if (recordId !== undefined) {
    if (typeof recordId !== 'string')
      throw new LineRefused({
        field: 'recordId',
        code: 'BAD_USER_INPUT',
        message: 'recordId must be a UUID string',
      });
    return { ...command, recordId };
  }
  return command;
}

function kindOf(value: unknown): RecordKind {
  if (typeof value !== 'string' || !(RECORD_KINDS as readonly string[]).includes(value)) {
    throw new LineRefused({
      field: 'kind',
      code: 'BAD_USER_INPUT',
      message: `kind must be one of ${RECORD_KINDS.join(', ')}`,
    });
  }
  return value as RecordKind;
}
