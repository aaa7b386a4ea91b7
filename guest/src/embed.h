#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The embedding of CPython: initialisation, loading the `plugin` module, calling
 * plugin.run_e and turning failures into error codes (errors.h). Every function is
 * idempotent where it says so and never lets CPython exit the process.
 */

/* Registers `sdk` and initialises Python once; false if Python failed (remembered).
 * `snapshot`: for Wizer (fixed hash seed 0, no plugin folders on sys.path yet). */
bool embed_init_python(bool snapshot);

/* Imports the modules most plugins use, so a snapshot (Wizer) holds them; false if one
 * failed (the traceback is on stderr). */
bool embed_warm_up(void);

/* Everything of embed_start that needs no plugin file, once: Python (if not yet done), or after a
 * snapshot this instance's environment, preopens and sys.path; the working directory; the plugin
 * folder's finder. A host may call it (the `prepare` export) before the files are in place. */
void embed_prepare(void);

/* embed_prepare (if not yet done) and `import plugin` (once); failures are remembered for run_e. */
void embed_start(void);

/* Decodes the payload and calls plugin.run_e(payload, ident); reports failures. */
void embed_run(const char *payload, size_t len, int32_t ident);
