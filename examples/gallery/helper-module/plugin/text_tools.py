"""Helpers for plugin.py: imported from the plugin folder like any module."""


def title_words(text):
    """Capitalises each word, keeping the spacing as it was."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))


def count_words(text):
    return len(text.split())
