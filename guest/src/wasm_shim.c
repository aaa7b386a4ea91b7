/*
 * The wasm boundary: every export and import of wrapper.wasm is here.
 *
 * Exports: _start, prepare, allocate, deallocate, run_e, wizer.initialize (and memory, from the
 * linker).
 * Imports: the env functions of guest/abi/se2.wit, declared in the generated se2_env.h (the sdk
 * module's generated functions call them too), plus wasi_snapshot_preview1.* from wasi-libc.
 *
 * The module is linked without crt1 (-nostartfiles, --no-entry): wasi-libc's command _start
 * would call exit() when main returns, and its reactor _initialize makes node:wasi's start()
 * throw. Our _start runs the C constructors once and initialises Python, then returns, so the
 * host keeps calling run_e on the same instance. Because this file calls __wasm_call_ctors
 * itself, wasm-ld does not wrap the other exports in constructor/destructor calls.
 */
#include "wasm_shim.h"

#include <malloc.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <wasi/api.h>

#include "embed.h"
#include "errors.h"
#include "log.h"
#include "sdk_module.h"
#include "se2_env.h"
#include "trace.h"

#define WASM_EXPORT(name) __attribute__((export_name(name)))

extern void __wasm_call_ctors(void);

void host_return_result(const char *result, size_t len, int32_t ident)
{
    se2_env_return_result(result, (int32_t)len, ident);
}

void host_return_error(int32_t code, const char *message, size_t len, int32_t ident)
{
    se2_env_return_error(code, message, (int32_t)len, ident);
}

/* Kept in linear memory, so a Wizer snapshot remembers that the constructors already ran. */
static bool ctors_done = false;

static void run_ctors_once(void)
{
    if (!ctors_done) {
        ctors_done = true;
        __wasm_call_ctors();
    }
}

/*
 * While Wizer takes the snapshot, what the build machine's clock and file system say must not
 * reach memory (freed memory keeps old bytes too): build.sh links with
 * -Wl,--wrap=__wasi_clock_time_get,--wrap=__wasi_fd_filestat_get,--wrap=__wasi_path_filestat_get
 * so that, during wizer.initialize only, the clock reads a fixed time and file status has no
 * device, inode or time stamps. At run time the calls pass straight through.
 */
static bool taking_snapshot = false;
#define SNAPSHOT_TIME_NS 1675728000000000000ULL /* SOURCE_DATE_EPOCH in build.sh */

__wasi_errno_t __real___wasi_clock_time_get(__wasi_clockid_t id, __wasi_timestamp_t precision,
                                            __wasi_timestamp_t *time);
__wasi_errno_t __real___wasi_fd_filestat_get(__wasi_fd_t fd, __wasi_filestat_t *stat);
__wasi_errno_t __real___wasi_path_filestat_get(__wasi_fd_t fd, __wasi_lookupflags_t flags,
                                               const char *path, __wasi_filestat_t *stat);

__wasi_errno_t __wrap___wasi_clock_time_get(__wasi_clockid_t id, __wasi_timestamp_t precision,
                                            __wasi_timestamp_t *time)
{
    if (taking_snapshot) {
        *time = id == __WASI_CLOCKID_REALTIME ? SNAPSHOT_TIME_NS : 0;
        return __WASI_ERRNO_SUCCESS;
    }
    return __real___wasi_clock_time_get(id, precision, time);
}

static void anonymise_stat(__wasi_filestat_t *stat)
{
    stat->dev = 0;
    stat->ino = 0;
    stat->atim = stat->mtim = stat->ctim = SNAPSHOT_TIME_NS;
}

__wasi_errno_t __wrap___wasi_fd_filestat_get(__wasi_fd_t fd, __wasi_filestat_t *stat)
{
    __wasi_errno_t err = __real___wasi_fd_filestat_get(fd, stat);
    if (taking_snapshot && err == __WASI_ERRNO_SUCCESS) {
        anonymise_stat(stat);
    }
    return err;
}

__wasi_errno_t __wrap___wasi_path_filestat_get(__wasi_fd_t fd, __wasi_lookupflags_t flags,
                                               const char *path, __wasi_filestat_t *stat)
{
    __wasi_errno_t err = __real___wasi_path_filestat_get(fd, flags, path, stat);
    if (taking_snapshot && err == __WASI_ERRNO_SUCCESS) {
        anonymise_stat(stat);
    }
    return err;
}

/*
 * Freed memory is zeroed while the snapshot is taken: otherwise the snapshot carries every byte
 * that start-up and the warm imports ever freed (CPython on WASI has no pymalloc, so every
 * object goes through malloc). Zeros cost almost nothing once compressed: about 180 KB less
 * brotli for wrapper.wasm (guest/README.md, "Size levers"). build.sh links with
 * -Wl,--wrap=free,--wrap=realloc; at run time both pass straight through.
 */
void __real_free(void *ptr);
void *__real_realloc(void *ptr, size_t size);

void __wrap_free(void *ptr)
{
    if (taking_snapshot && ptr != NULL) {
        memset(ptr, 0, malloc_usable_size(ptr));
    }
    __real_free(ptr);
}

/* dlmalloc's realloc frees a moved block internally, past __wrap_free: move it ourselves. */
void *__wrap_realloc(void *ptr, size_t size)
{
    if (!taking_snapshot || ptr == NULL || size == 0) {
        return __real_realloc(ptr, size);
    }
    size_t old_size = malloc_usable_size(ptr);
    if (size <= old_size) {
        return __real_realloc(ptr, size);
    }
    void *moved = malloc(size);
    if (moved != NULL) {
        memcpy(moved, ptr, old_size);
        __wrap_free(ptr);
    }
    return moved;
}

/*
 * Debian's wasi-libc (0.0~git20220510) gets "set both times to now" wrong: utimensat(..., NULL,
 * ...) and futimens(fd, NULL) reach WASI as explicit times of 0 (files dated 1970), and
 * UTIME_NOW in a timespec is refused with EINVAL, so os.utime(path) and pathlib's touch() broke.
 * build.sh links with -Wl,--wrap=utimensat,--wrap=futimens: a NULL `times` becomes the current
 * time, read here and passed explicitly.
 */
static const struct timespec *times_or_now(const struct timespec times[2], struct timespec now[2])
{
    if (times != NULL) {
        return times;
    }
    __wasi_timestamp_t ns;
    if (__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &ns) != __WASI_ERRNO_SUCCESS) {
        ns = 0;
    }
    now[0] = (struct timespec){.tv_sec = (time_t)(ns / 1000000000u), .tv_nsec = (long)(ns % 1000000000u)};
    now[1] = now[0];
    return now;
}

int __real_utimensat(int fd, const char *path, const struct timespec times[2], int flags);
int __real_futimens(int fd, const struct timespec times[2]);

int __wrap_utimensat(int fd, const char *path, const struct timespec times[2], int flags)
{
    struct timespec now[2];
    return __real_utimensat(fd, path, times_or_now(times, now), flags);
}

int __wrap_futimens(int fd, const struct timespec times[2])
{
    struct timespec now[2];
    return __real_futimens(fd, times_or_now(times, now));
}

/* Pre-initialisation for Wizer: constructors, Python, the warm imports; no plugin yet.
 * Any failure traps, so the build stops instead of writing a broken snapshot. */
WASM_EXPORT("wizer.initialize")
void wizer_initialize(void)
{
    taking_snapshot = true;
    run_ctors_once();
    if (!embed_init_python(true) || !embed_warm_up()) {
        __builtin_trap();
    }
    taking_snapshot = false;
}

WASM_EXPORT("_start")
void start(void)
{
    run_ctors_once();
    embed_start();
}

/* The part of _start that needs no plugin file (embed_prepare): a host that makes an instance
 * ahead of need calls it then, and _start only imports the plugin. Optional: _start does it too. */
WASM_EXPORT("prepare")
void prepare(void)
{
    run_ctors_once();
    embed_prepare();
}

WASM_EXPORT("allocate")
void *allocate(int32_t size)
{
    if (size < 0) {
        return NULL;
    }
    /* malloc(0) may return NULL; the host always needs a usable pointer. */
    return malloc(size > 0 ? (size_t)size : 1);
}

WASM_EXPORT("deallocate")
void deallocate(void *ptr, int32_t size)
{
    (void)size;
    free(ptr);
}

WASM_EXPORT("run_e")
void run_e(const char *ptr, int32_t len, int32_t ident)
{
    /* Once per run: does the host trace (is its trace descriptor there)? */
    trace_run_begin();
    LOG_RUN(ident, "run_e received payload of %d bytes at %p", (int)len, (const void *)ptr);
    if (len < 0 || (ptr == NULL && len > 0)) {
        static const char message[] = "run_e: invalid payload pointer or length";
        LOG_RUN(ident, "%s", message);
        host_return_error(GUEST_ERR_BAD_ARGS, message, sizeof message - 1, ident);
        return;
    }
    /* A host that skipped _start still gets a working module. */
    run_ctors_once();
    embed_start();
    /* The sdk helpers (sdk.log.info, sdk.req.header, ...) use this run's id. */
    sdk_run_begin(ident);
    embed_run(ptr, (size_t)len, ident);
    sdk_run_end();
}
