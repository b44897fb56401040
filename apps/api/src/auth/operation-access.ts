import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RecordCommandType } from '@tracker/domain';
import { authorizeCommand, COMMAND_ROLES } from './command-roles.js';
import { principalOf } from './request-access.js';
import { readRefusal } from './read-policy.js';

/** How the server treats callers without a token. */
export interface AccessPolicy {
  /** Anonymous callers may query and subscribe (TRACKER_PUBLIC_READ). */
  publicRead: boolean;
}

/** `recordMeeting` → `RecordMeeting`: each mutation is named after its domain command. */
function commandOfMutation(fieldName: string): RecordCommandType | undefined {
  const type = fieldName.charAt(0).toUpperCase() + fieldName.slice(1);
  return Object.hasOwn(COMMAND_ROLES, type) ? (type as RecordCommandType) : undefined;
}

/**
 * Decides, before anything runs, whether the caller may run this document: refused credentials are
 * UNAUTHENTICATED whatever the operation; reading needs a token unless reading is public; every root
 * field of a mutation needs its command's role. Checking the whole document first means a refused caller
 * learns it before input validation, and a document with several mutations runs none of them. Every
 * operation in the document is checked, whichever one the request names.
 */
export function authorizeDocument(document: DocumentNode, context: unknown, policy: AccessPolicy): void {
  const principal = principalOf(context);
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  for (const operation of operations) {
    if (operation.operation !== 'mutation') {
      const refusal = readRefusal(principal, policy.publicRead);
      if (refusal) throw refusal;
      continue;
    }
    for (const name of rootFieldNames(document, operation.selectionSet)) {
      if (name === '__typename') continue;
      const command = commandOfMutation(name);
      // A mutation that is no domain command would be new code: it must be given a role first.
      if (command === undefined) throw new Error(`The mutation ${name} has no role`);
      authorizeCommand(principal, command);
    }
  }
}

/**
 * The root fields an operation may run, through fragments too (`mutation { ...F }` must not slip past);
 * `@skip`/`@include` are ignored, so a field is checked even if it might be skipped.
 */
function rootFieldNames(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()) {
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      names.push(...rootFieldNames(document, selection.selectionSet, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) names.push(...rootFieldNames(document, fragment.selectionSet, seen));
    }
  }
  return names;
}
