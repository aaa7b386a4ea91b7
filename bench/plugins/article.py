# The article's plugin, as the bench runs it on the Pyodide side (our page runs its own default
# plugin, guest/plugin/plugin.py; the server serves that file here instead once it exists).
import sdk


def log(message, ident):
    print(f"\t\t[plugin.py] | id={ident} | {message}")


def run_e(payload, ident):
    """Reverses every purely alphabetic word of `payload`."""
    log(f'Received payload "{payload}"', ident)
    result = " ".join(word[::-1] if word.isalpha() else word for word in payload.split(" "))
    log(f'Sending result "{result}"', ident)
    sdk.return_result(result, ident)
