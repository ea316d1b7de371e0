"""The theme's files that the standalone pages (school checklists) link themselves."""

from __future__ import annotations

from importlib.resources.abc import Traversable


def theme_stylesheets() -> dict[str, Traversable]:
    """Material's own stylesheets, by the (hashed) names MkDocs copies them under, and
    where they are in the installed theme. Another engine (Zensical) writes its own: the
    build copies these for the standalone pages."""
    try:
        from importlib.resources import files

        folder = files("material") / "templates" / "assets" / "stylesheets"
        found = sorted(folder.iterdir(), key=lambda p: p.name)
    except (ImportError, OSError):  # another theme or generator: our stylesheet still works
        return {}
    return {
        f"assets/stylesheets/{path.name}": path
        for path in found
        if path.name.endswith(".min.css") and path.name.startswith(("main.", "palette."))
    }


STYLESHEETS = (*theme_stylesheets(), "assets/leerdoelen.css")
