// The rows of the Request panel and the Fetch mocks table, turned into the document's records.
import { describe, expect, it } from 'vitest';
import { mocksOf, rowProblem, type MockRow } from './FetchMocks.tsx';
import { recordOf, repeatedKeys } from './KeyValueRows.tsx';

describe('key/value rows', () => {
  it('leave out rows without a key and keep the first of a repeated key', () => {
    const rows = [
      { key: 'A', value: '1' },
      { key: '', value: 'half typed' },
      { key: 'A', value: '2' },
      { key: '__proto__', value: 'plain' },
    ];
    const record = recordOf(rows);
    expect(Object.keys(record)).toEqual(['A', '__proto__']);
    expect(record.A).toBe('1');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(repeatedKeys(rows, false)).toEqual(['A']);
    expect(
      repeatedKeys(
        [
          { key: 'Accept', value: '' },
          { key: 'accept', value: '' },
        ],
        true,
      ),
    ).toEqual(['accept']);
    expect(
      repeatedKeys(
        [
          { key: 'Accept', value: '' },
          { key: 'accept', value: '' },
        ],
        false,
      ),
    ).toEqual([]);
  });
});

describe('fetch mock rows', () => {
  const row: MockRow = { method: 'GET', url: 'https://api.example.com/x', status: '200', headers: { A: 'b' }, body: '[]' };
  it('become mocks keyed "METHOD URL"; invalid and repeated rows are left out with a reason', () => {
    expect(rowProblem(row)).toBeNull();
    expect(rowProblem({ ...row, url: '' })).toMatch(/URL/);
    expect(rowProblem({ ...row, url: 'https://x/ y' })).toMatch(/spaces/);
    expect(rowProblem({ ...row, status: '42' })).toMatch(/100 to 599/);
    expect(rowProblem({ ...row, status: '600' })).toMatch(/100 to 599/);
    expect(rowProblem({ ...row, method: 'get' })).toMatch(/upper-case/);
    expect(mocksOf([row, { ...row, body: 'second' }, { ...row, url: '' }, { ...row, method: 'POST', status: '201' }])).toEqual({
      'GET https://api.example.com/x': { status: 200, headers: { A: 'b' }, body: '[]' },
      'POST https://api.example.com/x': { status: 201, headers: { A: 'b' }, body: '[]' },
    });
  });
});
