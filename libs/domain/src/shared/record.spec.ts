import { describe, expect, it } from '@jest/globals';
import { checkRoles, type RolePolicy } from './record.js';

const kh = (role: string) => ({ code: 'KH', role }) as never;
const th = (role: string) => ({ code: 'TH', role }) as never;

// Each rule of a kind's role policy, with the message it answers (from the survivors of the mutation run).
describe('checkRoles', () => {
  const policy: RolePolicy = {
    allowed: ['SCOPE', 'MENTIONED'],
    required: [{ roles: ['SCOPE'], min: 1, max: 1 }],
  };

  it('refuses a role the kind does not allow, naming the entry and what is allowed', () => {
    expect(() => checkRoles([kh('SCOPE'), th('HOST')], policy)).toThrow(
      expect.objectContaining({
        code: 'INVALID_COUNTRY',
        field: 'countries[1].role',
        message: 'countries[1].role: HOST is not a role here (allowed: SCOPE, MENTIONED)',
      }),
    );
  });

  it('counts each required role within its bounds, and says them', () => {
    expect(() => checkRoles([kh('SCOPE')], policy)).not.toThrow();
    expect(() => checkRoles([kh('MENTIONED')], policy)).toThrow(
      'countries: needs exactly 1 country in role SCOPE',
    );
    expect(() => checkRoles([kh('SCOPE'), th('SCOPE')], policy)).toThrow(
      expect.objectContaining({
        field: 'countries',
        message: 'countries: needs exactly 1 country in role SCOPE',
      }),
    );
    const atLeast: RolePolicy = {
      allowed: ['SIGNATORY', 'HOST'],
      required: [{ roles: ['SIGNATORY', 'HOST'], min: 2 }],
    };
    expect(() => checkRoles([kh('SIGNATORY'), th('HOST')], atLeast)).not.toThrow();
    expect(() => checkRoles([kh('SIGNATORY'), kh('HOST')], atLeast)).toThrow(
      'countries: needs at least 2 country in role SIGNATORY or HOST',
    );
    const between: RolePolicy = { allowed: ['SCOPE'], required: [{ roles: ['SCOPE'], min: 1, max: 2 }] };
    expect(() => checkRoles([kh('SCOPE'), th('SCOPE')], between)).not.toThrow();
    expect(() => checkRoles([], between)).toThrow('countries: needs 1 to 2 country in role SCOPE');
  });
});
