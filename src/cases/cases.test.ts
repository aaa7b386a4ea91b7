// Property tests of the cases file as the CLI and the Tests panel read it (parseCasesFile).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCasesFile } from '../playground/document.ts';
import { testCase } from './arbitraries.ts';

/** Ways to break one case, each with the field the parser must name. */
const breakages: [string, (c: Record<string, unknown>) => void][] = [
  ['name', (c) => (c.name = '')],
  ['name', (c) => (c.name = 7)],
  ['payload', (c) => (c.payload = null)],
  ['payload', (c) => delete c.payload],
  ['ident', (c) => (c.ident = 2 ** 31)],
  ['ident', (c) => (c.ident = 1.5)],
  ['expect', (c) => delete c.expect],
  ['expect', (c) => (c.expect = { result: 1 })],
  ['expect', (c) => (c.expect = { error: { code: 'x' } })],
  ['expect', (c) => (c.expect = { result_matches: '(' })],
  ['expect', (c) => (c.expect = { no_result: false })],
  ['colour', (c) => (c.colour = 'red')],
];

describe('the cases file', () => {
  it('reads back every valid file exactly, through JSON', () => {
    fc.assert(
      fc.property(fc.array(testCase, { maxLength: 8 }), (cases) => {
        const parsed = parseCasesFile(JSON.parse(JSON.stringify({ cases })));
        expect(parsed).toEqual({ ok: true, value: cases });
      }),
    );
  });

  it('refuses a file with one broken case and names that case and field', () => {
    fc.assert(
      fc.property(
        fc.array(testCase, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 0, max: breakages.length - 1 }),
        (cases, at, which) => {
          const index = at % cases.length;
          const file = JSON.parse(JSON.stringify({ cases })) as { cases: Record<string, unknown>[] };
          const [field, breakIt] = breakages[which]!;
          breakIt(file.cases[index]!);
          const parsed = parseCasesFile(file);
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.error.startsWith(`"cases.${index}.${field}`)).toBe(true);
        },
      ),
    );
  });

  it('refuses anything that is not {"cases": [...]} without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(
          !(typeof value === 'object' && value !== null && 'cases' in value && Array.isArray(value.cases) && value.cases.length === 0),
        );
        const parsed = parseCasesFile(value);
        expect(parsed.ok).toBe(false);
      }),
    );
    expect(parseCasesFile({ cases: [] })).toEqual({ ok: true, value: [] });
    expect(parseCasesFile([])).toMatchObject({ ok: false });
    expect(parseCasesFile({ tests: [] })).toMatchObject({ ok: false });
  });
});
