// The request and mocks the SE2 surface tests give se2_surface.py, and what the plugin must see.
// Shared by src/host/se2.test.ts (browser_wasi_shim) and guest/wrapper.test.ts (node:wasi), so
// both hosts are held to the same answers.
import { readFileSync } from 'node:fs';
import type { RunContext } from '../types.ts';

export const SURFACE_PLUGIN = readFileSync(new URL('./se2_surface.py', import.meta.url), 'utf8');
export const SURFACE_IDENT = 4242;

export const SURFACE_CONTEXT: RunContext = {
  request: {
    method: 'POST',
    url: '/users/42?q=caf%C3%A9+au+lait&x=1',
    headers: { 'X-Token': 'secret', Accept: 'application/json' },
    params: { user: '42' },
    body: '{"name": "Al", "count": 3}',
    state: { step: '1' },
  },
  fetch: {
    'GET https://api.example.com/users/1': { status: 200, headers: {}, body: '{"id": 1, "name": "Ann"}' },
    'POST https://api.example.com/users': { status: 201, headers: {}, body: '{"id": 2}' },
    'GET https://api.example.com/users/404': { status: 404, headers: {}, body: 'no such user' },
    'PUT https://api.example.com/users/1': { status: 200, headers: {}, body: 'put' },
    'PATCH https://api.example.com/users/1': { status: 200, headers: {}, body: 'patched' },
    'DELETE https://api.example.com/users/1': { status: 204, headers: {}, body: '' },
    'HEAD https://api.example.com/users/1': { status: 200, headers: {}, body: '' },
    'OPTIONS https://api.example.com/users/1': { status: 200, headers: { Allow: 'GET, PUT' }, body: 'GET, PUT' },
  },
};

/** What scenario "raw" returns (the .wit functions called directly). */
export const RAW_EXPECTED = {
  method: 'POST',
  url: '/users/42?q=caf%C3%A9+au+lait&x=1',
  id: String(SURFACE_IDENT),
  meta_body: '{"name": "Al", "count": 3}',
  meta_other: '',
  body_field: 'Al',
  body_missing: '',
  header: 'secret',
  header_upper: 'secret',
  header_missing: '',
  param: '42',
  state: '1',
  query: 'café au lait',
  query_missing: '',
  set_answer: '',
  state_after: '2',
  header_after: 'fresh',
  body_after: '{"name":"Bo","count":3}',
  param_after: '43',
  method_after: 'PUT',
  fetch_get: '{"id": 1, "name": "Ann"}',
  fetch_post: '{"id": 2}',
  add_ffi_var: 0,
};

export const RAW_RESPONSE = { response: { headers: { 'content-type': 'text/plain', 'X-Count': '1' } }, state: { step: '2', added: 'yes' } };

/** What scenario "helpers" returns (sdk.req, sdk.http, ... with the current id). */
export const HELPERS_EXPECTED = {
  current_ident: SURFACE_IDENT,
  method: 'POST',
  url: '/users/42?q=caf%C3%A9+au+lait&x=1',
  id: String(SURFACE_IDENT),
  body: '{"name": "Al", "count": 3}',
  json: { name: 'Al', count: 3 },
  body_field: 'Al',
  header: 'secret',
  param: '42',
  query: 'café au lait',
  state: '1',
  get: '{"id": 1, "name": "Ann"}',
  post: '{"id": 2}',
  after: ['h', 'v', 'z', 'PATCH'],
  body_after: { k: 'v', k2: 'v2' },
  verbs: ['put', 'patched', '', '', 'GET, PUT', '{"id": 1, "name": "Ann"}'],
  outside: 'RuntimeError: the sdk helpers work only while run_e runs; outside it, pass an ident to the functions of se2.wit',
};

export const HELPERS_RESPONSE = {
  response: { headers: { 'X-Helper': 'yes', 'Content-Type': 'application/json' } },
  state: { step: '3' },
};

/** What scenario "errors" returns: each failing call as "ExcType: message". */
export const ERRORS_EXPECTED = {
  unknown_field_type: 'HostError: invalid field type: the module asked for field type 9',
  set_query: 'HostError: invalid field type: the module cannot set field type 5',
  set_meta_unknown: 'HostError: key not found: meta has method, url, id and body, not nope',
  body_not_string: 'HostError: request body value count is not a string',
  unmocked_url: 'HostError: no fetch mock for GET https://unmocked.example.com/ (this host makes no real requests)',
  status_404: 'HostError: 404: no such user',
  invalid_method: 'HostError: invalid method 42: fetch_url takes 0 (GET) to 6 (DELETE)',
  bad_header_in_url: 'HostError: header was not formatted correctly: nocolon',
  set_not_utf8: 'HostError: the value is not UTF-8 text',
  wrong_ident: 'HostError: the host refused the call (no run with this ident is in progress, or an earlier answer was not collected)',
  type_field_type: "TypeError: 'str' object cannot be interpreted as an integer",
  type_key_bytes: 'TypeError: request_get_field() argument 2 must be str, not bytes',
  type_log_level: "TypeError: 'str' object cannot be interpreted as an integer",
  type_header_value: 'TypeError: resp_set_header() argument 2 must be str, not int',
  type_body_int: "TypeError: a bytes-like object is required, not 'int'",
  type_helper: 'TypeError: request_get_field() argument 2 must be str, not int',
  missing_argument: "TypeError: request_get_field() missing required argument 'ident' (pos 3)",
  overflow: 'OverflowError: Python int too large to convert to C long',
  surrogate: "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed",
  oversized_log: 'ValueError: log_msg: message is 16777217 bytes, over the limit of 16777216 bytes',
  oversized_value: 'ValueError: request_set_field: value is 16777217 bytes, over the limit of 16777216 bytes',
  unknown_method_name: "ValueError: unknown HTTP method 'BREW'",
  still_works: 'POST',
};

export const ERRORS_RESPONSE = { response: { headers: {} }, state: { step: '1' } };

/** The severities of the log_msg lines of scenario "raw" (levels 1, 2, 3, 4, 0, 9). */
export const RAW_SEVERITIES = ['error', 'warn', 'info', 'debug', 'info', 'info'];
