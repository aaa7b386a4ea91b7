"""resp_set_header: headers of the response; they show in the run's report."""
import sdk


def run_e(payload, ident):
    sdk.resp.content_type("text/plain; charset=utf-8")
    sdk.resp_set_header("Cache-Control", "max-age=60", ident)
    sdk.return_result(payload, ident)
