// Node side of loading the guest: the wrapper module and the stdlib zips that sit beside it.
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StdlibFiles } from '../src/host/index.ts';
import { InputError, readBytes } from './inputs.ts';

/** The wrapper committed in public/guest/ (its zips sit beside it). */
export const COMMITTED_WRAPPER = fileURLToPath(new URL('../public/guest/wrapper.wasm', import.meta.url));

export interface GuestFiles {
  wrapper: Uint8Array<ArrayBuffer>;
  stdlib: StdlibFiles;
}

/** Reads `wrapperPath` and every `.zip` in its folder (the layout of public/guest/). */
export async function readGuest(wrapperPath: string): Promise<GuestFiles> {
  const wrapper = await readBytes(wrapperPath, 'wrapper module');
  const dir = dirname(wrapperPath);
  const zips = (await readdir(dir)).filter((name) => name.endsWith('.zip')).sort();
  if (zips.length === 0) throw new InputError(`no standard-library zip next to ${basename(wrapperPath)} in ${dir}`);
  const stdlib: StdlibFiles = {};
  for (const name of zips) stdlib[name] = await readBytes(join(dir, name), 'standard-library zip');
  return { wrapper, stdlib };
}

/** The committed guest, compiled: what the host tests and the Node benchmark start from. */
export async function compileGuest(wrapperPath = COMMITTED_WRAPPER): Promise<{ module: WebAssembly.Module; stdlib: StdlibFiles }> {
  const { wrapper, stdlib } = await readGuest(wrapperPath);
  return { module: await WebAssembly.compile(wrapper), stdlib };
}
