import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeShare,
  encodeShare,
  fromBase64Url,
  MAX_INFLATED_BYTES,
  readShareFragment,
  shareUrl,
  toBase64Url,
  type Playground,
} from './codec.ts';

const article: Playground = {
  files: { 'plugin.py': 'import sdk\n\ndef run_e(payload, ident):\n    sdk.return_result(payload[::-1], ident)\n' },
  payload: "It can't bite it's own tail. I'm done laughing.",
  ident: 12345,
};

/** A link body made by hand from any JSON value, the way another tool would make one. */
const linkOf = (value: unknown, version = 'v1') => `${version}.${toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(value))))}`;

const expectError = (encoded: string, pattern: RegExp) => {
  const r = decodeShare(encoded);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(pattern);
};

describe('share codec', () => {
  it('round-trips the article', () => {
    const encoded = encodeShare(article);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value).toMatch(/^v2\.[A-Za-z0-9_-]+$/);
    expect(decodeShare(encoded.value)).toEqual({ ok: true, value: article });
  });

  it('carries binary files, the request, the fetch mocks and the cases (v2)', () => {
    const full: Playground = {
      ...article,
      files: { ...article.files, 'data/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]) },
      request: {
        method: 'POST',
        url: 'https://a.example/x?y=1',
        headers: { 'X-Id': '7' },
        params: { id: '7' },
        body: '{}',
        state: { k: 'v' },
      },
      fetch: { 'GET https://api.example/v1': { status: 200, headers: {}, body: 'ok' } },
      cases: [{ name: 'reverses', payload: 'ab', expect: { result: 'ba' } }],
    };
    const encoded = encodeShare(full);
    if (!encoded.ok) throw new Error(encoded.error);
    expect(decodeShare(encoded.value)).toEqual({ ok: true, value: full });
  });

  it('still opens v1 links (text files only, no version field)', () => {
    expect(decodeShare(linkOf(article, 'v1'))).toEqual({ ok: true, value: article });
    expectError(linkOf({ version: 2, ...article }, 'v1'), /v1 link holds no "version"/);
    expectError(linkOf(article, 'v2'), /must hold a versioned/);
  });

  it('writes raw DEFLATE of UTF-8 JSON (what CompressionStream("deflate-raw") writes)', () => {
    const encoded = encodeShare(article);
    if (!encoded.ok) throw new Error(encoded.error);
    const bytes = fromBase64Url(encoded.value.slice(3));
    if (!bytes.ok) throw new Error(bytes.error);
    expect(JSON.parse(inflateRawSync(bytes.value).toString('utf8'))).toEqual({ version: 2, ...article });
    // And a link compressed by another implementation reads back.
    expect(decodeShare(linkOf(article))).toEqual({ ok: true, value: article });
  });

  it('round-trips any valid playground (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `${s.join('/')}.py`);
    const playground = fc.record({
      files: fc
        .dictionary(path, fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.uint8Array({ maxLength: 100 })), {
          maxKeys: 5,
        })
        .chain((helpers) => fc.string({ maxLength: 200 }).map((entry) => ({ ...helpers, 'plugin.py': entry }))),
      payload: fc.string({ unit: 'binary', maxLength: 300 }),
      ident: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    });
    fc.assert(
      fc.property(playground, (p) => {
        const encoded = encodeShare(p);
        if (!encoded.ok) return false;
        const decoded = decodeShare(encoded.value);
        expect(decoded).toEqual({ ok: true, value: p });
        return true;
      }),
    );
  });

  it('never throws on random input, and reports every failure as a tagged error (property)', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ maxLength: 400 }).map((s) => `v1.${s}`),
      fc.base64String({ maxLength: 400 }).map((s) => `v1.${s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `v1.${toBase64Url(b)}`),
      fc.jsonValue().map(linkOf),
    );
    fc.assert(
      fc.property(anyText, (s) => {
        const r = decodeShare(s);
        if (!r.ok) expect(typeof r.error).toBe('string');
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses each kind of bad link with its own message', () => {
    expectError('', /no version/);
    expectError('abc', /no version/);
    expectError('v3.AAAA', /v3.*does not know/);
    expectError('v1.AA+A', /not base64url/);
    expectError('v1.AAAA=', /not base64url/);
    expectError('v1.AAAAA', /cut short/);
    expectError('v1.AB', /not canonical/);
    expectError(`v1.${toBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff]))}`, /not valid compressed/);
    expectError(`v1.${toBase64Url(deflateRawSync(Buffer.from('{"files":')))}`, /not valid JSON/);
    expectError(`v1.${toBase64Url(deflateRawSync(Buffer.from([0xc3, 0x28])))}`, /not UTF-8/);
    expectError(linkOf([1, 2]), /not a JSON object/);
    expectError(linkOf({ ...article, extra: 1 }), /"extra" is not a field/);
    expectError(linkOf({ ...article, files: { 'helpers.py': '' } }), /no plugin\.py/);
    expectError(linkOf({ ...article, files: { ...article.files, 'x.py': 3 } }), /"files\.x\.py" must be text/);
    expectError(linkOf({ ...article, payload: 5 }), /payload/);
    expectError(linkOf({ version: 9, ...article }, 'v2'), /version 9/);
    expectError(linkOf({ ...article, files: { ...article.files, 'a.py': '', 'a.py/b.py': '' } }), /"a\.py" is a file/);
    expectError(linkOf({ ...article, ident: 1.5 }), /32-bit/);
    expectError(linkOf({ ...article, ident: 2 ** 31 }), /32-bit/);
  });

  it('refuses unsafe file names', () => {
    for (const bad of ['/etc/passwd.py', '../up.py', 'a/../b.py', 'a\\b.py', 'a\0.py', 'a//b.py', './a.py']) {
      expectError(linkOf({ ...article, files: { ...article.files, [bad]: '' } }), /file/);
    }
  });

  it('stops inflating a DEFLATE bomb past the cap', () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    expectError(`v1.${toBase64Url(bomb)}`, /more than 1024 KiB/);
    // Giving up early is the point: inflating all 64 MiB would take far longer.
    expect(performance.now() - started).toBeLessThan(500);
    // Just under the cap is fine.
    const big = { ...article, payload: 'x'.repeat(MAX_INFLATED_BYTES - 300) };
    const encoded = encodeShare(big);
    expect(encoded.ok).toBe(true);
    if (encoded.ok) expect(decodeShare(encoded.value).ok).toBe(true);
    expect(encodeShare({ ...article, payload: 'x'.repeat(MAX_INFLATED_BYTES) }).ok).toBe(false);
  });

  it('reads the fragment of a location', () => {
    expect(readShareFragment('')).toEqual({ kind: 'none' });
    expect(readShareFragment('#other')).toEqual({ kind: 'none' });
    const url = shareUrl('http://localhost:4173/play/?x=1#old', article);
    expect(url.ok).toBe(true);
    if (!url.ok) return;
    expect(url.value).toMatch(/^http:\/\/localhost:4173\/play\/\?x=1#share=v2\./);
    expect(readShareFragment(new URL(url.value).hash)).toEqual({ kind: 'share', result: { ok: true, value: article } });
    const bad = readShareFragment('#share=v1.%%%');
    expect(bad.kind === 'share' && !bad.result.ok).toBe(true);
  });
});
