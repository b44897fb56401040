import { Injectable, type PipeTransform } from '@nestjs/common';
import { badUserInput, INPUT_LIMITS } from '@tracker/mutation-inputs';

/**
 * Checks a mutation's `idempotencyKey` argument (a scalar, which the global class-validator pipe does not
 * look at): printable, at most INPUT_LIMITS.idempotencyKey characters. Absent is fine.
 */
@Injectable()
export class IdempotencyKeyPipe implements PipeTransform<unknown, string | undefined> {
  transform(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    const reasons: string[] = [];
    if (typeof value !== 'string') reasons.push('idempotencyKey must be a string');
    else {
      if (value.trim() === '') reasons.push('idempotencyKey must not be empty');
      if (value.length > INPUT_LIMITS.idempotencyKey) {
        reasons.push(`idempotencyKey must be at most ${INPUT_LIMITS.idempotencyKey} characters`);
      }
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(value))
        reasons.push('idempotencyKey must not contain control characters');
      if (!value.isWellFormed())
        reasons.push('idempotencyKey must be well-formed Unicode (no lone surrogate)');
    }
    if (reasons.length > 0) throw badUserInput([{ field: 'idempotencyKey', reasons }]);
    return value as string;
  }
}
