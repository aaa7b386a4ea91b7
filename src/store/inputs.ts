// What a run is given besides the files: the payload, the execution id, the SE2 request and fetch
// mocks, the test cases, the time limit and the writable-space quota.
import type { StateCreator } from 'zustand';
import { isExecutionId } from '../host/ident.ts';
import type { FetchMocks, HttpRequest, TestCase } from '../playground/document.ts';
import {
  DEFAULT_PLAYGROUND,
  DEFAULT_QUOTA_MIB,
  DEFAULT_TIME_LIMIT_SEC,
  MAX_QUOTA_MIB,
  MAX_TIME_LIMIT_SEC,
  MIN_QUOTA_MIB,
  MIN_TIME_LIMIT_SEC,
} from './defaults.ts';
import type { Store } from './index.ts';

export interface InputsSlice {
  payload: string;
  ident: number;
  /** The request the plugin sees through the SE2 host functions; null: none given. */
  request: HttpRequest | null;
  fetch: FetchMocks;
  cases: TestCase[];
  timeLimitSec: number;
  /** The writable space of each instance, in MiB. */
  quotaMiB: number;
  setRequest(request: HttpRequest | null): void;
  setFetch(fetch: FetchMocks): void;
  setCases(cases: TestCase[]): void;
  setPayload(payload: string): void;
  setIdent(ident: number): void;
  setTimeLimit(seconds: number): void;
  setQuota(mib: number): void;
}

export const isTimeLimit = (n: number) => Number.isFinite(n) && n >= MIN_TIME_LIMIT_SEC && n <= MAX_TIME_LIMIT_SEC;

export const isQuota = (n: number) => Number.isInteger(n) && n >= MIN_QUOTA_MIB && n <= MAX_QUOTA_MIB;

export const createInputsSlice: StateCreator<Store, [], [], InputsSlice> = (set) => ({
  payload: DEFAULT_PLAYGROUND.payload,
  ident: DEFAULT_PLAYGROUND.ident,
  request: null,
  fetch: {},
  cases: [],
  timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
  quotaMiB: DEFAULT_QUOTA_MIB,
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
  setQuota: (mib) => {
    if (isQuota(mib)) set({ quotaMiB: mib });
  },
});
