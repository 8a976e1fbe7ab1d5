"""Relational storage: SQLAlchemy models, engine and session factory, migrations runner."""
