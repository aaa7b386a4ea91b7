#pragma once

#include <Python.h>
#include <stdbool.h>
#include <stdint.h>

#include "log.h"

/*
 * The built-in `sdk` module (registered with PyImport_AppendInittab before Python starts).
 * Its functions are generated from guest/abi/se2.wit into sdk_functions.c (one per env import
 * a plugin may call: sdk.return_result(result, ident), sdk.request_get_field(field_type, key,
 * ident) -> bytes, ...); this file adds what they share: sdk.HostError, the size limit, the
 * size/get_ffi_result dance, and the id of the run in progress for the helpers (sdk.log.info,
 * sdk.req.header, ...).
 */
PyMODINIT_FUNC sdk_module_init(void);

/* run_e brackets each run with these, so the helpers know the current execution id. */
void sdk_run_begin(int32_t ident);
void sdk_run_end(void);

/* ---- used by the generated sdk_functions.c ---- */

/* The sdk's wrapper lines keep the file name they always had, whichever file writes them. */
#define SDK_LOG_RUN(ident, ...) log_run("sdk_module.c", (ident), __VA_ARGS__)

/* False (ValueError set) when an argument of `func` is over SE2_MAX_VALUE_BYTES. */
bool sdk_check_size(const char *func, const char *param, Py_ssize_t len);

/* The answer of a call that returned an ffi-size: bytes, or NULL with sdk.HostError set. */
PyObject *sdk_take_ffi_result(int32_t size, int32_t ident);

extern PyMethodDef sdk_generated_methods[];
extern const char sdk_python_source[];
