// The write API's inputs: one class-validator class per mutation (each knows its domain command), the
// table of mutations, the GraphQL enums of domain values, and the pipe that turns a refused input into
// BAD_USER_INPUT. The API serves them; the CLI's import checks a line with them.
export * from './enums/domain-enums.js';
export * from './record-mutations.js';
export * from './shared/field-rules.decorators.js';
export * from './shared/input-limits.js';
export * from './validation/input-validation.pipe.js';
export * from './validation/is-country-code.validator.js';
