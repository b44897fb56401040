import { validate } from 'class-validator';
import { IsPlainText, plainTextProblem } from './plain-text.validator.js';

class Sample {
  @IsPlainText()
  text: unknown;

  @IsPlainText({ each: true })
  labels: unknown[] = [];
}

async function reasons(text: unknown, labels: unknown[] = []): Promise<string[]> {
  const sample = Object.assign(new Sample(), { text, labels });
  return (await validate(sample)).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('plain text', () => {
  it.each([
    'plain',
    '<script>alert(1)</script>',
    'Tab\there,\r\nCRLF and LF\nkept',
    '\u202Eright-to-left override',
    'zero\u200Dwidth joiner, \u{1F469}\u200D\u{1F467} and ព្រះរាជាណាចក្រកម្ពុជា',
    '\uFFFF noncharacter',
  ])('accepts %j as it is', (text) => {
    expect(plainTextProblem(text)).toBeUndefined();
  });

  const codePoint = (text: string) => `U+${text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  it.each(
    ['\u0000', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\u009B', '\f', '\v'].map((c) => [
      codePoint(c),
      c,
    ]),
  )('refuses the control character %s', (_name, control) => {
    expect(plainTextProblem(`a${control}b`)).toBe(
      'must not contain control characters other than tab and line breaks',
    );
  });

  it.each(['\uD800', 'x\uDFFF', '\uDC00\uD800'])('refuses the ill-formed %j', (text) => {
    expect(plainTextProblem(text)).toBe('must be well-formed Unicode (no lone surrogate)');
  });

  it.each([' padded', 'padded\n', '\u00A0padded', 'padded\uFEFF', '\u3000padded'])(
    'refuses %j rather than have the domain trim it',
    (text) => {
      expect(plainTextProblem(text)).toBe('must not start or end with whitespace');
    },
  );

  it('leaves blank text and other types to the rules that own them', () => {
    for (const value of ['', '   ', '\n\t', 42, null, undefined, {}])
      expect(plainTextProblem(value)).toBeUndefined();
  });

  it('names the property and the problem, for lists too', async () => {
    expect(await reasons('ok\u0000')).toEqual([
      'text must not contain control characters other than tab and line breaks',
    ]);
    expect(await reasons('ok', ['fine', ' padded'])).toEqual([
      'labels must not start or end with whitespace',
    ]);
    expect(await reasons('ok', ['fine'])).toEqual([]);
  });
});
