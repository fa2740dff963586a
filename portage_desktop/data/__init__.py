"""Storage: the only package that talks to SQLAlchemy/SQLModel.

Services ask this package for rows through small query functions and never build SQL themselves.
"""
