import sdk

from text_tools import count_words, title_words


def run_e(payload, ident):
    print(f"titling {count_words(payload)} words")
    sdk.return_result(title_words(payload), ident)
