#pragma once

#include <stdint.h>

/*
 * Wrapper log lines on stdout, as in the original example:
 *   "\t\x1b[32m[wasm_shim.c]\x1b[0m | id=12345 | Calling plugin.run_e ...\n"
 * One tab (the wrapper level), the source file name in green, then "id=N | " for lines that
 * belong to a run. Every line is flushed so the host sees it in order with its own lines.
 */

__attribute__((format(printf, 2, 3)))
void log_line(const char *file, const char *fmt, ...);

__attribute__((format(printf, 3, 4)))
void log_run(const char *file, int32_t ident, const char *fmt, ...);

/* __FILE_NAME__ is the base name of the current file (clang). */
#define LOG(...) log_line(__FILE_NAME__, __VA_ARGS__)
#define LOG_RUN(ident, ...) log_run(__FILE_NAME__, (ident), __VA_ARGS__)
