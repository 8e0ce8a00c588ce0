"""Storage: the SQLAlchemy models, the database handle and the Alembic schema master."""
