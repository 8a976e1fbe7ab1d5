"""Where the project's own files are: the checkout (or installed tree) that holds ``policies/``, ``models/`` and
``migrations/``. A leaf module, so settings and the database migrator can both use it without importing each other."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
