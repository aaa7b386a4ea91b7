// What a run is given besides the files: the payload, the execution id and the time limit.
import type { StateCreator } from 'zustand';
import { DEFAULT_PLAYGROUND, DEFAULT_TIME_LIMIT_SEC, MAX_TIME_LIMIT_SEC, MIN_TIME_LIMIT_SEC } from './defaults.ts';
import type { Store } from './index.ts';

export interface InputsSlice {
  payload: string;
  ident: number;
  timeLimitSec: number;
  setPayload(payload: string): void;
  setIdent(ident: number): void;
  setTimeLimit(seconds: number): void;
}

export const isIdent = (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1;
export const isTimeLimit = (n: number) => Number.isFinite(n) && n >= MIN_TIME_LIMIT_SEC && n <= MAX_TIME_LIMIT_SEC;

/** The id typed into the box, or null when it is not a 32-bit integer. */
export function parseIdent(text: string): number | null {
  if (!/^\s*-?\d{1,10}\s*$/.test(text)) return null;
  const n = Number(text);
  return isIdent(n) ? n : null;
}

export const createInputsSlice: StateCreator<Store, [], [], InputsSlice> = (set) => ({
  payload: DEFAULT_PLAYGROUND.payload,
  ident: DEFAULT_PLAYGROUND.ident,
  timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
  setPayload: (payload) => set({ payload }),
  setIdent: (ident) => {
    if (isIdent(ident)) set({ ident });
  },
  setTimeLimit: (seconds) => {
    if (isTimeLimit(seconds)) set({ timeLimitSec: seconds });
  },
});
