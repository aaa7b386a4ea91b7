#pragma once

/*
 * Error codes the wrapper passes to env.return_error(code, ptr, len, ident).
 * The host relies on these exact values; guest/README.md documents them.
 * A plugin may call sdk.return_error with any code of its own choosing.
 */
enum guest_error {
    GUEST_ERR_EXCEPTION = 1,      /* plugin.run_e raised: "ExcType: message" */
    GUEST_ERR_IMPORT = 2,         /* "cannot import plugin: ExcType: message" */
    GUEST_ERR_NO_RUN_E = 3,       /* plugin has no callable run_e */
    GUEST_ERR_BAD_UTF8 = 4,       /* the payload is not valid UTF-8 */
    GUEST_ERR_SYSTEM_EXIT = 5,    /* the plugin raised SystemExit: "SystemExit: <code>" */
    GUEST_ERR_PYTHON_INIT = 6,    /* Python failed to initialise */
    GUEST_ERR_BAD_ARGS = 7,       /* run_e got a negative length or a NULL pointer */
};
