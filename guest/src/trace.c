#include "trace.h"

#include <string.h>
#include <wasi/api.h>

bool trace_enabled = false;

void trace_run_begin(void)
{
    __wasi_fdstat_t stat;
    trace_enabled = __wasi_fd_fdstat_get(TRACE_FD, &stat) == __WASI_ERRNO_SUCCESS &&
                    stat.fs_filetype == __WASI_FILETYPE_CHARACTER_DEVICE;
}

/* Names are short C literals; a longer one is cut rather than overflowing the header. */
static size_t put_name(uint8_t *out, const char *name)
{
    size_t n = strlen(name);
    if (n > 255) {
        n = 255;
    }
    out[0] = (uint8_t)n;
    memcpy(out + 1, name, n);
    return 1 + n;
}

static size_t put_u32(uint8_t *out, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        out[i] = (uint8_t)(v >> (8 * i));
    }
    return 4;
}

#define TRACE_MAX_VALUES 8

void trace_record(enum trace_phase phase, enum trace_lane lane, const char *func,
                  const struct trace_value *values, size_t count)
{
    /* Header: 4 + 2 + 256 + 1 + per value (256 + 1 + 12). Bytes are not copied here: each
     * value's bytes are an iovec of their own, read by the host straight from memory. */
    uint8_t header[4 + 2 + 256 + 1 + TRACE_MAX_VALUES * (256 + 1 + 12)];
    __wasi_ciovec_t iovs[1 + TRACE_MAX_VALUES];
    size_t niovs = 1;
    size_t at = 4;
    size_t payload = 0;
    if (count > TRACE_MAX_VALUES) {
        count = TRACE_MAX_VALUES;
    }
    header[at++] = (uint8_t)phase;
    header[at++] = (uint8_t)lane;
    at += put_name(header + at, func);
    header[at++] = (uint8_t)count;
    for (size_t i = 0; i < count; i++) {
        const struct trace_value *v = &values[i];
        at += put_name(header + at, v->name);
        if (!v->is_bytes) {
            header[at++] = 0;
            uint64_t n = (uint64_t)v->number;
            at += put_u32(header + at, (uint32_t)n);
            at += put_u32(header + at, (uint32_t)(n >> 32));
            continue;
        }
        size_t copied = v->ptr == NULL ? 0 : v->len < TRACE_COPY_MAX ? v->len : TRACE_COPY_MAX;
        header[at++] = 1;
        at += put_u32(header + at, (uint32_t)(uintptr_t)v->ptr);
        at += put_u32(header + at, (uint32_t)v->len);
        at += put_u32(header + at, (uint32_t)copied);
        if (copied > 0) {
            iovs[niovs++] = (__wasi_ciovec_t){.buf = v->ptr, .buf_len = copied};
            payload += copied;
        }
    }
    put_u32(header, (uint32_t)(at - 4 + payload));
    iovs[0] = (__wasi_ciovec_t){.buf = header, .buf_len = at};
    __wasi_size_t written;
    /* A failed write loses one record, never the run: the host reads what arrives. */
    (void)__wasi_fd_write(TRACE_FD, iovs, niovs, &written);
}
