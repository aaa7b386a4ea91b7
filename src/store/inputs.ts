// What a run is given besides the files: the payload, the execution id, the SE2 request and fetch
// mocks, the test cases, and the time limit.
import type { StateCreator } from 'zustand';
import { isExecutionId } from '../host/ident.ts';
import type { FetchMocks, HttpRequest, TestCase } from '../playground/document.ts';
import { DEFAULT_PLAYGROUND, DEFAULT_TIME_LIMIT_SEC, MAX_TIME_LIMIT_SEC, MIN_TIME_LIMIT_SEC } from './defaults.ts';
import type { Store } from './index.ts';

export interface InputsSlice {
  payload: string;
  ident: number;
  /** The request the plugin sees through the SE2 host functions; null: none given. */
  request: HttpRequest | null;
  fetch: FetchMocks;
  cases: TestCase[];
  timeLimitSec: number;
  setRequest(request: HttpRequest | null): void;
  setFetch(fetch: FetchMocks): void;
  setCases(cases: TestCase[]): void;
  setPayload(payload: string): void;
  setIdent(ident: number): void;
  setTimeLimit(seconds: number): void;
}

export const isTimeLimit = (n: number) => Number.isFinite(n) && n >= MIN_TIME_LIMIT_SEC && n <= MAX_TIME_LIMIT_SEC;

export const createInputsSlice: StateCreator<Store, [], [], InputsSlice> = (set) => ({
  payload: DEFAULT_PLAYGROUND.payload,
  ident: DEFAULT_PLAYGROUND.ident,
  request: null,
  fetch: {},
  cases: [],
  timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
  setRequest: (request) => set({ request }),
  setFetch: (fetch) => set({ fetch }),
  setCases: (cases) => set({ cases }),
  setPayload: (payload) => set({ payload }),
  setIdent: (ident) => {
    if (isExecutionId(ident)) set({ ident });
  },
  setTimeLimit: (seconds) => {
    if (isTimeLimit(seconds)) set({ timeLimitSec: seconds });
  },
});
