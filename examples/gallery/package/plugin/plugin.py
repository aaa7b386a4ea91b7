import sdk
import textkit


def run_e(payload, ident):
    sdk.return_result(f"{textkit.slugify(payload)} ({textkit.summary(payload)})", ident)
