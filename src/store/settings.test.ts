// The quota and time limit as part of the playground document (settings), beside the store tests.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND } from './defaults.ts';
import { currentPlayground, documentState } from './draft.ts';

const base = { ...documentState(DEFAULT_PLAYGROUND) };

describe('settings in the document', () => {
  it('leaves default settings out, so a default playground’s document (and link) is unchanged', () => {
    expect(base).toMatchObject({ timeLimitSec: 10, quotaMiB: 256 });
    expect(currentPlayground(base).settings).toBeUndefined();
  });

  it('carries a changed quota and time limit, and sets both back when a playground has none', () => {
    const changed = { ...base, quotaMiB: 64, timeLimitSec: 30 };
    const playground = currentPlayground(changed);
    expect(playground.settings).toEqual({ quotaMiB: 64, timeLimitSec: 30 });
    expect(documentState(playground)).toMatchObject({ quotaMiB: 64, timeLimitSec: 30 });
    // Opening a playground without settings must not keep the ones it replaces.
    expect(documentState(DEFAULT_PLAYGROUND)).toMatchObject({ quotaMiB: 256, timeLimitSec: 10 });
  });
});
