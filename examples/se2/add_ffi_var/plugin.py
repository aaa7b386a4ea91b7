"""add_ffi_var: store named variables with the run for a later host call (E2Core used them for
database queries). The host lists them in its log."""
import sdk


def run_e(payload, ident):
    sdk.ffi.add_var("user", "ann")
    code = sdk.add_ffi_var("limit", "10", ident)  # the raw function returns the host's code
    sdk.return_result(f"stored 2 variables (code {code})", ident)
