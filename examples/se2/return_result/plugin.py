"""return_result: the run's answer. Here: the payload, shouted."""
import sdk


def run_e(payload, ident):
    sdk.return_result(payload.upper(), ident)
