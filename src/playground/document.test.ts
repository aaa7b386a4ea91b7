import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCasesFile, parseDocument, samePlayground, toDocument, type Playground } from './document.ts';
import { fileNameProblem, moduleNameProblem, orderedFileNames, pathClash } from './paths.ts';

const article: Playground = { files: { 'plugin.py': 'def run_e(p, i): pass\n' }, payload: 'hi', ident: 12345 };

describe('the playground document', () => {
  it('reads version 1 (no version field) as version 2', () => {
    expect(parseDocument(article)).toEqual({ ok: true, value: article });
    expect(toDocument(article)).toEqual({ version: 2, ...article });
  });

  it('keeps bytes as bytes and writes them as base64', () => {
    const p: Playground = { ...article, files: { ...article.files, 'db.sqlite': new Uint8Array([83, 81, 76, 0, 255]) } };
    const doc = toDocument(p);
    expect(doc.files['db.sqlite']).toEqual({ base64: 'U1FMAP8=' });
    expect(parseDocument(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, value: p });
  });

  it('refuses a tree that holds a file and a folder of the same name', () => {
    const r = parseDocument({ ...article, files: { ...article.files, 'a.py': '', 'a.py/b.py': '' } });
    expect(r).toEqual({ ok: false, error: '"a.py" is a file, so "a.py/b.py" cannot be inside it' });
    expect(pathClash(['x/y', 'x'])).toEqual(['x', 'x/y']);
    expect(pathClash(['x/y', 'x/z', 'xy'])).toBeNull();
  });

  it('names where a problem is', () => {
    const bad = (v: unknown) => {
      const r = parseDocument(v);
      return r.ok ? 'ok' : r.error;
    };
    expect(bad({ version: 2, ...article, request: { method: 'GET' } })).toBe('"request.url" is missing');
    expect(bad({ version: 2, ...article, fetch: { 'get x': { status: 200, headers: {}, body: '' } } })).toMatch(/METHOD URL/);
    expect(bad({ version: 2, ...article, fetch: { 'GET x': { status: 42, headers: {}, body: '' } } })).toMatch(/"fetch\.GET x\.status"/);
    expect(bad({ version: 2, ...article, files: { 'plugin.py': { base64: '@@' } } })).toMatch(/not base64/);
    expect(bad({ version: 2, ...article, settings: { quotaMiB: 0 } })).toMatch(/"settings\.quotaMiB"/);
    expect(bad({ version: 3, ...article })).toMatch(/version 3/);
    expect(bad('text')).toMatch(/not a JSON object/);
  });

  it('reads a cases file and says which case is wrong', () => {
    const ok = parseCasesFile({
      cases: [
        { name: 'exact', payload: 'ab', expect: { result: 'ba' } },
        { name: 'error', payload: '', ident: 7, expect: { error: { code: 1, message_contains: 'Value' } } },
        { name: 'none', payload: '', expect: { no_result: true } },
      ],
    });
    expect(ok.ok && ok.value.length).toBe(3);
    expect(parseCasesFile({ cases: [{ name: 'x', payload: '', expect: { result_matches: '(' } }] })).toEqual({
      ok: false,
      error: '"cases.0.expect.result_matches" is not a valid regular expression',
    });
    expect(parseCasesFile({ cases: [{ name: '', payload: '', expect: { result: '' } }] })).toMatchObject({ ok: false });
  });

  it('round-trips any playground through JSON text (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,11}$/).filter((s) => s !== '.' && s !== '..');
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
    const content = fc.oneof(fc.string({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 }));
    const playground = fc
      .dictionary(path, content, { maxKeys: 6 })
      .filter((files) => pathClash([...Object.keys(files), 'plugin.py']) === null)
      .map((files): Playground => ({ files: { ...files, 'plugin.py': '' }, payload: 'p', ident: -3 }));
    fc.assert(
      fc.property(playground, (p) => {
        const back = parseDocument(JSON.parse(JSON.stringify(toDocument(p))));
        expect(back).toEqual({ ok: true, value: p });
        return back.ok && samePlayground(back.value, p);
      }),
    );
  });
});

describe('file names', () => {
  it('accepts any relative path; new modules end in .py; plugin.py sorts first', () => {
    expect(fileNameProblem('helpers.py')).toBeNull();
    expect(fileNameProblem('data/logo.png')).toBeNull();
    expect(fileNameProblem('x.whl')).toBeNull();
    expect(fileNameProblem('a//b.py')).not.toBeNull();
    expect(moduleNameProblem('pkg/util.py')).toBeNull();
    expect(moduleNameProblem('.py')).not.toBeNull();
    expect(moduleNameProblem('a.pyc')).not.toBeNull();
    expect(orderedFileNames({ 'b.py': '', 'a.py': '', 'plugin.py': '' })).toEqual(['plugin.py', 'a.py', 'b.py']);
  });
});
