// What a run is given besides the files: the payload, the execution id and the time limit.
import type { StateCreator } from 'zustand';
import { isExecutionId } from '../host/ident.ts';
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

export const isTimeLimit = (n: number) => Number.isFinite(n) && n >= MIN_TIME_LIMIT_SEC && n <= MAX_TIME_LIMIT_SEC;

export const createInputsSlice: StateCreator<Store, [], [], InputsSlice> = (set) => ({
  payload: DEFAULT_PLAYGROUND.payload,
  ident: DEFAULT_PLAYGROUND.ident,
  timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
  setPayload: (payload) => set({ payload }),
  setIdent: (ident) => {
    if (isExecutionId(ident)) set({ ident });
  },
  setTimeLimit: (seconds) => {
    if (isTimeLimit(seconds)) set({ timeLimitSec: seconds });
  },
});
