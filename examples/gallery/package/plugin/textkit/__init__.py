"""A package: `import textkit` runs this file, which gathers the submodules' functions."""
from .slug import slugify
from .stats import summary

__all__ = ["slugify", "summary"]
