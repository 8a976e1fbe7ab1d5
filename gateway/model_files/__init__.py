"""Model files: the default model manifest, offline fetching from PyPI packages, verification, conversion."""
