"""The article's example plugin: reverses every word that is not punctuated inside."""
import re

import sdk

# A word with punctuation inside or at its end ("can't", "tail.", "it's") stays as it is.
PUNCTUATED = re.compile(r"\w+[.,'!?\"]\w*")


def log(msg, ident):
    print(f"\t\t\x1b[35m[plugin.py]\x1b[0m | id={ident} | {msg}")


def run_e(payload, ident):
    log(f"Received payload: {payload}", ident)
    words = [w if PUNCTUATED.fullmatch(w) else w[::-1] for w in payload.split(" ")]
    result = " ".join(words)
    log(f"Returning result: {result}", ident)
    sdk.return_result(result, ident)
