import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * Fails when `refused(object)` holds: for rules across fields of one input, such as "a date or a range,
 * not both", which class-validator's per-property decorators cannot state.
 */
export function RefuseIf<T extends object>(
  refused: (object: T) => boolean,
  message: string,
): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'refuseIf',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => !refused(args.object as T),
      },
    });
  };
}
