// The playground a first visit starts from: the article's plugin and run.
import articlePlugin from '../../guest/plugin/plugin.py?raw';
import { DEFAULT_IDENT, DEFAULT_PAYLOAD } from '../host/index.ts';
import type { Playground } from '../share/codec.ts';
import { ENTRY_FILE } from '../playground/paths.ts';

export const DEFAULT_PLAYGROUND: Playground = {
  files: { [ENTRY_FILE]: articlePlugin },
  payload: DEFAULT_PAYLOAD,
  ident: DEFAULT_IDENT,
};

export const DEFAULT_TIME_LIMIT_SEC = 10;
export const MIN_TIME_LIMIT_SEC = 1;
export const MAX_TIME_LIMIT_SEC = 600;

/** The writable space of one instance (`/tmp` and the working folder), in MiB (issue 16). */
export const DEFAULT_QUOTA_MIB = 256;
export const MIN_QUOTA_MIB = 1;
export const MAX_QUOTA_MIB = 1024;

export const NEW_MODULE_SOURCE = '"""A helper module: import it from plugin.py."""\n';
