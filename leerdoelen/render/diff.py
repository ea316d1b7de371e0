"""Render a diff: Markdown for people (a PR comment, a tag message, the site) and JSON.

The Markdown opens with what needs attention: broken identity rules, then changes to
vastgesteld goals. Then one section per kind of change. Goal text is escaped
(``render/text.py``), so a PR comment cannot be hijacked by what a goal says.

JSON keys (stable)::

    base, head         {"revision": what was named, "commit": full SHA or null (werkmap)}
    counts             {"added", "changed", "status", "retired", "moved", "removed": int}
    errors, warnings   number of diagnostics of each severity
    diagnostics        [{"path", "line", "column", "code", "severity", "title", "message"}]
    changes            [{"kind": "leerdoel" | "kerndoel" | "doelzin", "code", "titel",
                         "change": "added" | "changed" | "removed",
                         "path", "old_path": str or null, "moved": bool,
                         "status": {"old", "new"} or null (leerdoelen only),
                         "retired": bool, "vervangen_door": [code], "reden": str or null,
                         "fields": [{"field", "old", "new", "flagged": bool}]}]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from leerdoelen.diagnostics import Severity
from leerdoelen.diff import Change, Diff, FieldChange, Value
from leerdoelen.render.text import markdown_inline
from leerdoelen.report import diagnostic_json
from leerdoelen.review import Summary
from leerdoelen.revisions import Revision

# Lists of short values, shown whole on one line; other lists (uitwerkingen, voorbeelden)
# show which items came and went.
_SHORT_LISTS = {"groepen", "ook_bij", "voorkennis", "gerelateerd", "vervangen_door", "trefwoorden"}
_SHORT_TEXT = 60
_NONE = "—"
_INDENT = "    "  # four spaces: nested lists in both GitHub and MkDocs (Python-Markdown)

Link = Callable[[str, str], str | None]  # (kind, code) → a link target, or None


def _name(change: Change, link: Link | None) -> str:
    label = f"{change.kind} {change.code}" if change.kind != "leerdoel" else change.code
    target = link(change.kind, change.code) if link else None
    code = f"[{label}]({target})" if target else f"**{label}**"
    return f"{code} {markdown_inline(change.titel)}"


def _plain(value: Value) -> str:
    if value is None or value == []:
        return _NONE
    return ", ".join(value) if isinstance(value, list) else value


def _field_lines(f: FieldChange) -> list[str]:
    if (
        isinstance(f.old, list | None)
        and isinstance(f.new, list | None)
        and (f.field not in _SHORT_LISTS)
    ):
        old, new = f.old or [], f.new or []
        lines = [f"- {f.field}:"]
        lines += [f"{_INDENT}- nieuw: {markdown_inline(v)}" for v in new if v not in old]
        lines += [f"{_INDENT}- weg: {markdown_inline(v)}" for v in old if v not in new]
        if len(lines) == 1:
            lines[0] += " andere volgorde"
        return lines
    old, new = markdown_inline(_plain(f.old)), markdown_inline(_plain(f.new))
    if len(old) + len(new) <= _SHORT_TEXT:
        return [f"- {f.field}: {old} → {new}"]
    return [f"- {f.field}:", f"{_INDENT}- oud: {old}", f"{_INDENT}- nieuw: {new}"]


def _nested(lines: Iterable[str]) -> list[str]:
    return [_INDENT + line for line in lines]


def _section(title: str, items: list[list[str]], level: int) -> list[str]:
    if not items:
        return []
    return ["", f"{'#' * level} {title} ({len(items)})", "", *(line for i in items for line in i)]


def _numbers(diff: Diff) -> str:
    counts = diff.counts()
    parts = [
        (counts["added"], "toegevoegd"),
        (counts["changed"], "gewijzigd"),
        (counts["status"], "met andere status"),
        (counts["retired"], "vervallen"),
        (counts["moved"], "verplaatst"),
        (counts["removed"], "verwijderd"),
    ]
    return ", ".join(f"{n} {what}" for n, what in parts if n) or "geen wijzigingen"


def markdown(
    summary: Summary, *, title: str | None = None, level: int = 2, link: Link | None = None
) -> str:
    """The summary as Markdown; ``level`` is the heading level of ``title``."""
    diff, sub = summary.diff, level + 1
    lines: list[str] = []
    if title is not None:
        lines += [f"{'#' * level} {title}", ""]
    lines.append(
        f"{markdown_inline(summary.base.describe())} → "
        f"{markdown_inline(summary.head.describe())}: {_numbers(diff)}."
    )
    errors = summary.errors
    if errors:
        lines += ["", f"{'#' * sub} ⛔ Fouten ({len(errors)})", ""]
        lines += [
            f"- **{d.code}** {d.title}: {markdown_inline(d.message)} (`{d.path}`)" for d in errors
        ]
    flagged = diff.flagged
    warnings = [d for d in summary.diagnostics if d.severity is Severity.WARNING]
    other = [d for d in warnings if d.code != "LD505"]
    if flagged or other:
        lines += ["", f"{'#' * sub} ⚠️ Let op", ""]
        lines += [
            f"- {_name(c, link)}: vastgesteld, en {' en '.join(f.field for f in c.flagged)} "
            "gewijzigd; scholen werken al met dit doel"
            for c in flagged
        ]
        lines += [f"- **{d.code}** {d.title}: {markdown_inline(d.message)}" for d in other]
    lines += _section("Toegevoegd", [[f"- {_name(c, link)}{_status(c)}"] for c in diff.added], sub)
    lines += _section(
        "Vervallen", [[f"- {_name(c, link)}{_retired(c)}"] for c in diff.retired], sub
    )
    lines += _section(
        "Andere status",
        [[f"- {_name(c, link)}: {c.old_status} → {c.new_status}"] for c in diff.status_changed],
        sub,
    )
    lines += _section(
        "Gewijzigd",
        [
            [f"- {_name(c, link)}", *_nested(line for f in c.fields for line in _field_lines(f))]
            for c in diff.changed
        ],
        sub,
    )
    lines += _section(
        "Verplaatst",
        [[f"- {_name(c, link)}: `{c.old_path}` → `{c.path}`"] for c in diff.moved],
        sub,
    )
    lines += _section(
        "Verwijderd",
        [[f"- {_name(c, None)} (`{c.old_path}`)"] for c in diff.removed],
        sub,
    )
    return "\n".join(lines) + "\n"


def _status(change: Change) -> str:
    return f" ({change.new_status})" if change.new_status else ""


def _retired(change: Change) -> str:
    parts = []
    if change.vervangen_door:
        parts.append(f"vervangen door {', '.join(change.vervangen_door)}")
    if change.reden:
        parts.append(f"reden: {markdown_inline(change.reden)}")
    return f": {'; '.join(parts)}" if parts else ""


def _revision(revision: Revision) -> dict[str, str | None]:
    return {"revision": revision.label, "commit": revision.sha}


def _change(change: Change) -> dict[str, object]:
    return {
        "kind": change.kind,
        "code": change.code,
        "titel": change.titel,
        "change": change.change,
        "path": change.path,
        "old_path": change.old_path,
        "moved": change.moved,
        "status": (
            {"old": change.old_status, "new": change.new_status}
            if change.kind == "leerdoel"
            else None
        ),
        "retired": change.retired,
        "vervangen_door": list(change.vervangen_door),
        "reden": change.reden,
        "fields": [
            {"field": f.field, "old": f.old, "new": f.new, "flagged": f.flagged}
            for f in change.fields
        ],
    }


def as_json(summary: Summary) -> str:
    document = {
        "base": _revision(summary.base),
        "head": _revision(summary.head),
        "counts": summary.diff.counts(),
        "errors": len(summary.errors),
        "warnings": len(summary.diagnostics) - len(summary.errors),
        "diagnostics": [diagnostic_json(d) for d in summary.diagnostics],
        "changes": [_change(c) for c in summary.diff.changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
