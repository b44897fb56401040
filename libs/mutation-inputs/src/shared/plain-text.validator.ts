import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Control characters (Unicode category Cc: C0, DEL, C1) other than tab, line feed and carriage return.
 * They never occur in the text of an article or a statement; NUL truncates strings in C libraries and
 * SQLite's text functions, ESC sequences rewrite terminals that print logs or exports, and XML 1.0 (a
 * likely export format) cannot carry them at all.
 */
const CONTROL = /[^\P{Cc}\t\n\r]/u;

/** Why `value` is not plain text, or undefined when it is (non-strings are left to IsString). */
export function plainTextProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // A lone surrogate is not Unicode text: UTF-8 (SQLite, KurrentDB, any export) cannot encode it.
  if (!value.isWellFormed()) return 'must be well-formed Unicode (no lone surrogate)';
  if (CONTROL.test(value)) return 'must not contain control characters other than tab and line breaks';
  // The domain trims what it records; refusing padded text keeps what is stored exactly what was sent.
  // Blank text is the domain's to refuse ("must not be empty"), as before.
  const trimmed = value.trim();
  if (trimmed !== '' && trimmed !== value) return 'must not start or end with whitespace';
  return undefined;
}

/**
 * Plain text as the tracker records it, byte for byte: well-formed Unicode, no control characters
 * besides tab, LF and CR, no leading or trailing whitespace. Markup and any other Unicode (right-to-left
 * marks, emoji, Khmer...) is text like any other: stored verbatim and only ever returned as JSON data.
 */
export function IsPlainText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) => {
          const values: unknown[] = options?.each && Array.isArray(args.value) ? args.value : [args.value];
          const problem = values.map(plainTextProblem).find((found) => found !== undefined);
          return `${args.property} ${problem ?? 'must be plain text'}`;
        },
        ...options,
      },
      validator: { validate: (value: unknown) => plainTextProblem(value) === undefined },
    });
  };
}
