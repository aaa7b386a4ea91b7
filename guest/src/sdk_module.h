#pragma once

#include <Python.h>

/*
 * The built-in `sdk` module (registered with PyImport_AppendInittab before Python starts):
 *   sdk.return_result(result: str, ident: int) -> None
 *   sdk.return_error(code: int, message: str, ident: int) -> None
 * Both pass UTF-8 bytes to the host's env.return_result / env.return_error.
 */
PyMODINIT_FUNC sdk_module_init(void);
