#pragma once

#include <stddef.h>
#include <stdint.h>

/*
 * The host's side of the plugin ABI (imports from module "env"), wrapped so that the rest of
 * the wrapper never sees a wasm import directly. wasm_shim.c is the only file that declares
 * imports and exports.
 */
void host_return_result(const char *result, size_t len, int32_t ident);
void host_return_error(int32_t code, const char *message, size_t len, int32_t ident);
