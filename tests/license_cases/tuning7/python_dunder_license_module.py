"""Small helpers for reading GeoTIFF tiles lazily."""

__author__ = "Ines Carvalho"
__copyright__ = "Copyright 2026, Ines Carvalho"
__license__ = "BSD-2-Clause"
__version__ = "0.4.1"

from pathlib import Path


def tile_paths(folder: Path) -> list[Path]:
    """Every .tif under folder, sorted."""
    return sorted(folder.glob("*.tif"))
