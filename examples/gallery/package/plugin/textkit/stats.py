def summary(text):
    words = text.split()
    return f"{len(words)} words, {len(text)} characters"
