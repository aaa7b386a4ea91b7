// The share-link codec: pure and synchronous, so it is easy to test and cheap to call at start-up.
//
//   #share=v2.<base64url, no padding, of raw DEFLATE of the UTF-8 JSON playground document>
//   #share=v1.<the same, of JSON {"files", "payload", "ident"} with text files only> (still opened)
//
// The document and its checks are src/playground/document.ts; a link is one view of it.
// Raw DEFLATE is what `CompressionStream('deflate-raw')` writes, so a link can also be made or read
// with browser built-ins; fflate does it synchronously here.
import { deflateSync, Inflate } from 'fflate';
import { parseDocument, toDocument, type Decoded, type Playground } from '../playground/document.ts';

export type { Decoded, Playground };

export const SHARE_PREFIX = '#share=';
export const CURRENT_VERSION = 'v2';
/** Link versions this page opens: v1 (text files only) is read as a version-1 document. */
const KNOWN_VERSIONS = ['v1', 'v2'];
/** Largest JSON a link may inflate to; inflating stops as soon as it is passed (DEFLATE bombs). */
export const MAX_INFLATED_BYTES = 1024 * 1024;
/** Longest encoded part accepted; anything longer is refused before it is decoded at all. */
export const MAX_ENCODED_CHARS = 2 * 1024 * 1024;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

// --- base64url ------------------------------------------------------------------------------

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Decoded<Uint8Array> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return fail('the link holds characters that are not base64url');
  if (text.length % 4 === 1) return fail('the link is cut short (its base64url length is impossible)');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Only the canonical spelling is accepted (unused trailing bits must be zero).
  if (toBase64Url(bytes) !== text) return fail('the link is not canonical base64url');
  return { ok: true, value: bytes };
}

// --- bounded inflate ----------------------------------------------------------------------------

class TooLarge extends Error {}

/** Raw-inflates `data`, giving up as soon as the output passes `limit` bytes. */
export function inflateBounded(data: Uint8Array, limit: number): Decoded<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    // Small input steps bound what one step can produce (DEFLATE expands at most ~1032:1).
    const STEP = 512;
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (e) {
    if (e instanceof TooLarge) return fail(`the link inflates to more than ${MAX_INFLATED_BYTES / 1024} KiB`);
    return fail('the link is not valid compressed data');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, value: out };
}

// --- the link -----------------------------------------------------------------------------------

/** The part after `#share=`: `v2.` + base64url(deflate-raw(JSON document)). */
export function encodeShare(playground: Playground): Decoded<string> {
  const json = new TextEncoder().encode(JSON.stringify(toDocument(playground)));
  if (json.length > MAX_INFLATED_BYTES) return fail(`the playground is larger than ${MAX_INFLATED_BYTES / 1024} KiB`);
  return { ok: true, value: `${CURRENT_VERSION}.${toBase64Url(deflateSync(json, { level: 9 }))}` };
}

export function decodeShare(encoded: string): Decoded<Playground> {
  if (encoded.length > MAX_ENCODED_CHARS) return fail('the link is too long');
  const dot = encoded.indexOf('.');
  const version = dot < 0 ? '' : encoded.slice(0, dot);
  if (!/^v\d{1,6}$/.test(version)) return fail(`the link has no version (expected "${CURRENT_VERSION}.")`);
  if (!KNOWN_VERSIONS.includes(version)) return fail(`the link is format ${version.slice(0, 8)}, which this page does not know`);
  const bytes = fromBase64Url(encoded.slice(dot + 1));
  if (!bytes.ok) return bytes;
  const inflated = inflateBounded(bytes.value, MAX_INFLATED_BYTES);
  if (!inflated.ok) return inflated;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return fail('the link is not UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('the link is not valid JSON');
  }
  // A v1 link holds a version-1 document (no "version" key); a v2 link must say version 2.
  if (version === 'v1' && typeof json === 'object' && json !== null && 'version' in json) {
    return fail('a v1 link holds no "version" field');
  }
  if (version === 'v2' && (typeof json !== 'object' || json === null || !('version' in json))) {
    return fail('a v2 link must hold a versioned playground document');
  }
  return parseDocument(json);
}

/** What a location's fragment says: no share link, or the decoded (or refused) link. */
export type FragmentShare = { kind: 'none' } | { kind: 'share'; result: Decoded<Playground> };

export function readShareFragment(hash: string): FragmentShare {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  return { kind: 'share', result: decodeShare(hash.slice(SHARE_PREFIX.length)) };
}

/** A full link to `playground` based on `base` (the page's URL; its fragment is replaced). */
export function shareUrl(base: string, playground: Playground): Decoded<string> {
  const encoded = encodeShare(playground);
  if (!encoded.ok) return encoded;
  const url = new URL(base);
  url.hash = '';
  return { ok: true, value: `${url.href.replace(/#$/, '')}${SHARE_PREFIX}${encoded.value}` };
}
