#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The wrapper's own crossings (C -> Python: plugin.run_e; Python -> sdk: sdk.return_result, ...)
 * as binary records on a descriptor of their own, so the log's text stays what it is and
 * wrapper.wasm needs no import beyond the .wit's nine. The host opens that descriptor (fd 4, a
 * write-only character device) only when it traces; run_e asks once per run (fd_fdstat_get)
 * whether it is there, so with tracing off a run costs one WASI call and nothing else.
 *
 * fd 4 and not fd 3: the Wizer snapshot binds fd 3 to the preopen "/". The host's trace
 * descriptor answers fd_prestat_get with EBADF, so wasi-libc's preopen scan (the plain module
 * runs it at _start) stops at it, and a plugin's own open() never gets fd 4 on a tracing
 * instance. On a host without it, fd 4 may be a file the plugin opened: only a character
 * device counts as the trace channel.
 *
 * One record (little-endian), written with one fd_write:
 *   u32 size of what follows
 *   u8 phase (0 call, 1 return), u8 lane (0 C -> Python, 1 Python -> sdk)
 *   u8 n, n bytes: the function's name
 *   u8 count of values; each: u8 n, n bytes of name, u8 kind, then
 *     kind 0 (integer): i64
 *     kind 1 (bytes):   u32 pointer, u32 full length, u32 copied length (at most TRACE_COPY_MAX)
 *   then the copied bytes of every kind-1 value, in order.
 */

#define TRACE_FD 4
#define TRACE_COPY_MAX 4096

enum trace_phase { TRACE_CALL = 0, TRACE_RETURN = 1 };
enum trace_lane { TRACE_C_PYTHON = 0, TRACE_PYTHON_SDK = 1 };

struct trace_value {
    const char *name;
    bool is_bytes;
    int64_t number;
    const void *ptr;
    size_t len;
};

#define TRACE_INT(n, v) ((struct trace_value){.name = (n), .number = (int64_t)(v)})
#define TRACE_BYTES(n, p, l) \
    ((struct trace_value){.name = (n), .is_bytes = true, .ptr = (p), .len = (size_t)(l)})

/* Whether the host traces this run; set by trace_run_begin (run_e). */
extern bool trace_enabled;

/* Asks the host once whether the trace descriptor is there. */
void trace_run_begin(void);

/* Writes one record (only call it when trace_enabled). */
void trace_record(enum trace_phase phase, enum trace_lane lane, const char *func,
                  const struct trace_value *values, size_t count);

/* The call or return of a function, with its values: a no-op unless tracing. */
#define TRACE(phase, lane, func, ...)                                                          \
    do {                                                                                       \
        if (trace_enabled) {                                                                   \
            const struct trace_value trace_values_[] = {__VA_ARGS__};                          \
            trace_record((phase), (lane), (func), trace_values_,                              \
                         sizeof trace_values_ / sizeof trace_values_[0]);                      \
        }                                                                                      \
    } while (0)
#define TRACE_NONE(phase, lane, func)                                                          \
    do {                                                                                       \
        if (trace_enabled) {                                                                   \
            trace_record((phase), (lane), (func), NULL, 0);                                    \
        }                                                                                      \
    } while (0)
