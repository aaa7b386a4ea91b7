"""Expects an age in years: answers with a code and a message for anything else."""
import sdk

BAD_REQUEST = 400
UNPROCESSABLE = 422


def run_e(payload, ident):
    text = payload.strip()
    if text == "":
        sdk.return_error(BAD_REQUEST, "empty payload: send an age in years", ident)
        return
    if text == "crash":
        # Not caught: the host reports error 1 with the exception, and the traceback is in the log.
        raise RuntimeError("asked to crash")
    try:
        age = int(text)
    except ValueError:
        sdk.return_error(UNPROCESSABLE, f"not a whole number: {text!r}", ident)
        return
    if not 0 <= age <= 150:
        sdk.return_error(UNPROCESSABLE, f"out of range: {age}", ident)
        return
    sdk.return_result("adult" if age >= 18 else "minor", ident)
