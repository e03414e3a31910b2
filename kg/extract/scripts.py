"""Chinese scripts for the extraction: :mod:`kg.scripts`, where the server reads them without the extraction's imports."""

from kg.scripts import has_han, script_of, to_hans, to_hant  # noqa: F401
