"""log_msg: lines in the host's log at a level (error 1, warn 2, info 3, debug 4)."""
import sdk


def run_e(payload, ident):
    sdk.log.debug("starting")
    sdk.log.info(f"payload has {len(payload)} characters")
    if len(payload) > 20:
        sdk.log.warn("that is a long payload")
    sdk.log_msg("logged with the raw function", sdk.LogLevel.ERROR, ident)
    sdk.return_result("logged", ident)
