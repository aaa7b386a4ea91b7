"""get_ffi_result: how a host call hands its answer over.

request_get_field (like fetch_url and request_set_field) returns a size; the sdk then allocates
that many bytes and calls get_ffi_result to have the host copy the answer in. Python never sees a
pointer: the sdk does this dance for every function that returns bytes, and turns a negative size
(an error message) into sdk.HostError.
"""
import sdk


def run_e(payload, ident):
    url = sdk.request_get_field(sdk.FieldType.META, "url", ident)  # bytes, via get_ffi_result
    try:
        sdk.request_get_field(42, "x", ident)  # the host answers with an error message
    except sdk.HostError as e:
        error = str(e)
    sdk.return_result(f"url={url.decode()} | error={error}", ident)
