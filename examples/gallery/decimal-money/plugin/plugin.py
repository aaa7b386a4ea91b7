"""Payload: "<amount> <people>", e.g. "100.00 3". Result: each share, in cents, adding up exactly."""
from decimal import Decimal, InvalidOperation, ROUND_DOWN

import sdk

CENT = Decimal("0.01")


def split(amount, people):
    share = (amount / people).quantize(CENT, rounding=ROUND_DOWN)
    left = int((amount - share * people) / CENT)
    return [share + CENT if i < left else share for i in range(people)]


def run_e(payload, ident):
    try:
        amount_text, people_text = payload.split()
        amount, people = Decimal(amount_text), int(people_text)
    except (ValueError, InvalidOperation):
        sdk.return_error(400, 'expected "<amount> <people>", e.g. "100.00 3"', ident)
        return
    if people < 1 or amount < 0 or amount != amount.quantize(CENT):
        sdk.return_error(422, "need one person or more and a non-negative amount in whole cents", ident)
        return
    shares = split(amount, people)
    assert sum(shares) == amount
    sdk.return_result(" + ".join(str(s) for s in shares) + f" = {amount}", ident)
