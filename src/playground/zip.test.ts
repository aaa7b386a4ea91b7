import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testCase } from '../cases/arbitraries.ts';
import { samePlayground, type Playground } from './document.ts';
import { fileContent, playgroundFromEntries, playgroundFromZip, playgroundToZip } from './zip.ts';

const segment = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,11}$/).filter((s) => s !== '.' && s !== '..');
const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
// Bytes come back as bytes only when they are not UTF-8 text: make them so (a NUL does it).
const bytes = fc.uint8Array({ maxLength: 100 }).map((b) => Uint8Array.from([0, ...b]));
const playground: fc.Arbitrary<Playground> = fc
  .record({
    files: fc
      .dictionary(path, fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), bytes), { maxKeys: 5 })
      .chain((others) => fc.string({ maxLength: 200 }).map((entry) => ({ ...others, 'plugin.py': entry }))),
    payload: fc.string({ unit: 'binary', maxLength: 300 }),
    ident: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    cases: fc.array(testCase, { maxLength: 4 }),
    settings: fc.record({ timeLimitSec: fc.integer({ min: 1, max: 600 }) }),
  })
  .filter((p) => !Object.keys(p.files).some((a) => Object.keys(p.files).some((b) => b.startsWith(`${a}/`))))
  .map((p) => (p.cases.length === 0 ? { files: p.files, payload: p.payload, ident: p.ident, settings: p.settings } : p));

describe('the playground zip', () => {
  it('round-trips any playground: files (text and bytes), payload, id, cases, settings', () => {
    fc.assert(
      fc.property(playground, (p) => {
        const back = playgroundFromZip(playgroundToZip(p));
        expect(back.ok).toBe(true);
        if (back.ok) expect(samePlayground(back.value, p)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('writes the documented layout, the same bytes for the same playground', () => {
    const p: Playground = {
      files: { 'plugin.py': 'import sdk\n', 'pkg/__init__.py': '', 'data.bin': new Uint8Array([0, 1, 2]) },
      payload: 'hi',
      ident: 7,
      cases: [{ name: 'a', payload: 'x', expect: { result: 'y' } }],
    };
    const zip = playgroundToZip(p);
    expect(playgroundToZip(p)).toEqual(zip);
    const entries = fflateNames(zip);
    expect(entries).toEqual(['plugin/data.bin', 'plugin/pkg/__init__.py', 'plugin/plugin.py', 'cases.json', 'playground.json']);
  });

  it('opens a zipped plugin folder, inside a top folder or not, ignoring OS clutter', () => {
    const folder = {
      'my-plugin/plugin.py': strToU8('import sdk\n'),
      'my-plugin/util/x.py': strToU8('X = 1\n'),
      '__MACOSX/._plugin.py': new Uint8Array([0]),
      'my-plugin/__pycache__/x.pyc': new Uint8Array([0]),
    };
    const opened = playgroundFromZip(zipSync(folder));
    expect(opened).toEqual({
      ok: true,
      value: { files: { 'plugin.py': 'import sdk\n', 'util/x.py': 'X = 1\n' }, payload: '', ident: 12345 },
    });
    expect(playgroundFromEntries({ 'plugin.py': strToU8('') })).toMatchObject({ ok: true, value: { files: { 'plugin.py': '' } } });
  });

  it('refuses what is not a playground, saying which part is wrong', () => {
    const refuse = (zip: Uint8Array) => {
      const r = playgroundFromZip(zip);
      return r.ok ? 'opened' : r.error;
    };
    expect(refuse(strToU8('hello'))).toBe('it is not a zip file (or a damaged one)');
    expect(refuse(zipSync({}))).toBe('it holds no files');
    expect(refuse(zipSync({ 'a/helper.py': strToU8(''), 'b/x.py': strToU8('') }))).toBe('there is no plugin.py');
    const base = { 'plugin/plugin.py': strToU8('') };
    expect(refuse(zipSync({ ...base, 'playground.json': strToU8('{"payload": 1}') }))).toBe(
      'playground.json: "payload" must be text, not 1',
    );
    expect(refuse(zipSync({ ...base, 'playground.json': strToU8('{') }))).toMatch(/^playground\.json is not JSON: /);
    expect(refuse(zipSync({ ...base, 'cases.json': strToU8('{"cases": [{"name": "a", "payload": ""}]}') }))).toBe(
      'cases.json: "cases.0.expect" is missing',
    );
    expect(refuse(zipSync({ ...base, 'notes.txt': strToU8('') }))).toMatch(/"notes.txt" is outside plugin\//);
    expect(refuse(zipSync({ ...base, 'plugin/../evil.py': strToU8('') }))).toMatch(/\.\. segment/);
  });

  it('refuses a zip that claims to unpack to more than the cap, before unpacking it', () => {
    // 100 MiB of zeros deflates to about 100 KB.
    const big = zipSync({ 'plugin.py': strToU8(''), 'zeros.bin': new Uint8Array(100 * 1024 * 1024) }, { level: 1 });
    expect(big.length).toBeLessThan(1024 * 1024);
    expect(playgroundFromZip(big)).toEqual({ ok: false, error: 'it unpacks to more than 80 MiB' });
  });

  it('reads UTF-8 without NUL as text, anything else as bytes', () => {
    expect(fileContent(strToU8('héllo'))).toBe('héllo');
    expect(fileContent(new Uint8Array([0xff, 0xfe]))).toBeInstanceOf(Uint8Array);
    expect(fileContent(new Uint8Array([104, 0]))).toBeInstanceOf(Uint8Array);
  });
});

/** Entry names in the order the zip holds them (central directory order). */
function fflateNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const len = view.getUint16(i + 28, true);
    names.push(new TextDecoder().decode(zip.subarray(i + 46, i + 46 + len)));
    i += 45 + len;
  }
  return names;
}
