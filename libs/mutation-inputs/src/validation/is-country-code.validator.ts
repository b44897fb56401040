import { parseCountryCode } from '@tracker/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * An ISO 3166-1 alpha-2 code, checked by the domain's own parser against the maintained ISO list, so the
 * API and the domain never disagree on what a country is.
 */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isCountryCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 3166-1 alpha-2 country code', ...options },
      validator: {
        validate(value: unknown) {
          try {
            parseCountryCode(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
  };
}
