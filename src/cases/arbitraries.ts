// fast-check arbitraries of test cases, for the property tests of the cases file and the zip.
import fc from 'fast-check';
import type { Expectation, TestCase } from '../playground/document.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const expectation: fc.Arbitrary<Expectation> = fc.oneof(
  text.map((result) => ({ result })),
  text.map((result_contains) => ({ result_contains })),
  fc.constantFrom('^ok$', 'a+b', '\\d{3}', '[xyz]', '').map((result_matches) => ({ result_matches })),
  fc
    .record({ code: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), message_contains: text }, { requiredKeys: [] })
    .map((error) => ({ error })),
  fc.constant({ no_result: true as const }),
);
export const testCase: fc.Arbitrary<TestCase> = fc.record(
  {
    name: text.filter((s) => s.length > 0),
    payload: fc.string({ unit: 'binary', maxLength: 60 }),
    ident: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    expect: expectation,
  },
  { requiredKeys: ['name', 'payload', 'expect'] },
);
