"""return_error: end the run with a code and a message instead of a result."""
import sdk


def run_e(payload, ident):
    if not payload.strip():
        sdk.return_error(400, "the payload is empty", ident)
        return
    sdk.return_result(f"{len(payload)} characters", ident)
