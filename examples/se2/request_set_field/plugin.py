"""request_set_field: change the request; state changes show in the run's report."""
import sdk


def run_e(payload, ident):
    visits = int(sdk.req.state("visits") or "0") + 1
    sdk.req.set_state("visits", str(visits))
    sdk.req.set_body_field("greeting", f"hello {sdk.req.body_field('name')}")
    sdk.return_result(sdk.req.body().decode(), ident)
