"""Roman numerals: "1994" → "MCMXCIV", "MCMXCIV" → "1994"."""
import re

import sdk

NUMERALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALID = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def to_roman(n):
    out = []
    for value, letters in NUMERALS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(text):
    total, i = 0, 0
    for value, letters in NUMERALS:
        while text.startswith(letters, i):
            total += value
            i += len(letters)
    return total


def run_e(payload, ident):
    text = payload.strip().upper()
    if text.isdigit() and 1 <= int(text) <= 3999:
        sdk.return_result(to_roman(int(text)), ident)
    elif text and VALID.fullmatch(text):
        sdk.return_result(str(from_roman(text)), ident)
    else:
        sdk.return_error(422, f"not a number from 1 to 3999 or a roman numeral: {payload!r}", ident)
