"""Render a diff: Markdown for people (a PR comment, a tag message, the site) and JSON.

The Markdown opens with what needs attention: broken identity rules, then changes to
vastgesteld goals. Then one section per kind of change. Every string from the content or
from git (paths, codes, titles, texts, revisions, messages) is text in it (``_text``,
``_code``): on one line, with nothing that GitHub or MkDocs could read as a heading,
emphasis, a link, HTML, a @mention or an issue reference, so a PR comment cannot be
hijacked by what a goal says.

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
    scholen            [{"brin", "naam", "change": "added" | "changed" | "removed",
                         "path", "old_path": str or null, "aantal", "ingevoerd": int
                         (records of an added or removed school), "fields": [{"field",
                         "old", "new"}], "records": [{"code", "change", "status":
                         {"old", "new"}, "archived": bool, "fields": [{"field", "old",
                         "new"}]}]}]   (only from ``diff``, which loads the schools)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from urllib.parse import quote

from leerdoelen.core.diagnostics import Severity, diagnostic_json
from leerdoelen.render.text import line_start, one_line
from leerdoelen.render.woorden import MARKDOWN, Marks, marked, pairs
from leerdoelen.versions.diff import Change, Diff, FieldChange, Value
from leerdoelen.versions.review import Summary
from leerdoelen.versions.revisions import Revision
from leerdoelen.versions.scholen import RecordChange, SchoolChange

# Lists of short values, shown whole on one line; other lists (uitwerkingen, voorbeelden)
# show which items came and went.
_SHORT_LISTS = {"groepen", "ook_bij", "voorkennis", "gerelateerd", "vervangen_door", "trefwoorden"}
_SHORT_TEXT = 60
_NONE = "—"
_INDENT = "    "  # four spaces: nested lists in both GitHub and MkDocs (Python-Markdown)

Link = Callable[[str, str], str | None]  # (kind, code) → a link target, or None

# What GitHub's Markdown or MkDocs' could read as syntax (HTML, code, emphasis, links,
# attribute lists, tables, strikethrough, headings, math), as character references: the
# summary is also a tag message, so only these.
_SYNTAX = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: f"&#{ord(c)};" for c in "\\`*_[]{}|~#$"}
)
# GitHub links @user, #12, GH-12, bare URLs and e-mail addresses in the rendered text, so
# character references do not stop it: a zero-width space after the sign does.
_AUTOLINKS = re.compile(r"@|&#35;|:(?=//)|\bwww(?=\.)|\bGH-(?=\d)", re.IGNORECASE)
_ZWSP = "&#8203;"


def _text(value: str) -> str:
    """A string from the content or from git, as text on one line of Markdown."""
    return _AUTOLINKS.sub(lambda m: m[0] + _ZWSP, one_line(value).translate(_SYNTAX))


def _code(value: str | None) -> str:
    """A path as a code span: on one line, its fence longer than any backtick run in it."""
    text = one_line(str(value))
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if "`" in text else f"{fence}{text}{fence}"


def _name(change: Change, link: Link | None) -> str:
    label = f"{change.kind} {change.code}" if change.kind != "leerdoel" else change.code
    target = link(change.kind, change.code) if link else None
    code = f"[{_text(label)}]({quote(target)})" if target else f"**{_text(label)}**"
    return f"{code} {_text(change.titel)}"


def _plain(value: Value) -> str:
    if value is None or value == []:
        return _NONE
    return ", ".join(value) if isinstance(value, list) else value


def _field_lines(f: FieldChange, marks: Marks = MARKDOWN) -> list[str]:
    listed = isinstance(f.old, list | None) and isinstance(f.new, list | None)
    if listed and f.field not in _SHORT_LISTS:
        old_items, new_items = f.old or [], f.new or []
        added = [v for v in new_items if v not in old_items]
        removed = [v for v in old_items if v not in new_items]
        reworded = {
            o: (n, m) for o, n in pairs(removed, added) if (m := marked(o, n, _text, marks))
        }
        new_words = {n for n, _ in reworded.values()}
        lines = [f"- {f.field}:"]
        lines += [f"{_INDENT}- nieuw: {_text(v)}" for v in added if v not in new_words]
        lines += [f"{_INDENT}- gewijzigd: {m}" for _, m in reworded.values()]
        lines += [f"{_INDENT}- weg: {_text(v)}" for v in removed if v not in reworded]
        if len(lines) == 1:
            lines[0] += " andere volgorde"
        return lines
    old, new = _plain(f.old), _plain(f.new)
    if isinstance(f.old, str) and isinstance(f.new, str) and (m := marked(old, new, _text, marks)):
        return [f"- {f.field}: {m}"]
    if len(old) + len(new) <= _SHORT_TEXT:
        return [f"- {f.field}: {_text(old)} → {_text(new)}"]
    return [f"- {f.field}:", f"{_INDENT}- oud: {_text(old)}", f"{_INDENT}- nieuw: {_text(new)}"]


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
    said = [f"{n} {what}" for n, what in parts if n]
    if n := len(diff.scholen):
        said.append(f"wijzigingen bij {n} {'school' if n == 1 else 'scholen'}")
    return ", ".join(said) or "geen wijzigingen"


def markdown(
    summary: Summary,
    *,
    title: str | None = None,
    level: int = 2,
    link: Link | None = None,
    marks: Marks = MARKDOWN,
) -> str:
    """The summary as Markdown; ``level`` is the heading level of ``title``."""
    diff, sub = summary.diff, level + 1
    lines: list[str] = []
    if title is not None:
        lines += [f"{'#' * level} {title}", ""]
    lines.append(
        f"{line_start(_text(summary.base.describe()))} → "
        f"{_text(summary.head.describe())}: {_numbers(diff)}."
    )
    errors = summary.errors
    if errors:
        lines += ["", f"{'#' * sub} ⛔ Fouten ({len(errors)})", ""]
        lines += [f"- **{d.code}** {d.title}: {_text(d.message)} ({_code(d.path)})" for d in errors]
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
        lines += [f"- **{d.code}** {d.title}: {_text(d.message)}" for d in other]
    lines += _section("Toegevoegd", [[f"- {_name(c, link)}{_status(c)}"] for c in diff.added], sub)
    lines += _section(
        "Vervallen", [[f"- {_name(c, link)}{_retired(c)}"] for c in diff.retired], sub
    )
    lines += _section(
        "Andere status",
        [
            [f"- {_name(c, link)}: {_text(_plain(c.old_status))} → {_text(_plain(c.new_status))}"]
            for c in diff.status_changed
        ],
        sub,
    )
    lines += _section(
        "Gewijzigd",
        [
            [
                f"- {_name(c, link)}",
                *_nested(line for f in c.fields for line in _field_lines(f, marks)),
            ]
            for c in diff.changed
        ],
        sub,
    )
    lines += _section(
        "Verplaatst",
        [[f"- {_name(c, link)}: {_code(c.old_path)} → {_code(c.path)}"] for c in diff.moved],
        sub,
    )
    lines += _section(
        "Verwijderd",
        [[f"- {_name(c, None)} ({_code(c.old_path)})"] for c in diff.removed],
        sub,
    )
    lines += _section("Scholen", [_school_lines(s, marks) for s in diff.scholen], sub)
    return "\n".join(lines) + "\n"


# --- schools: a line per school, then a line per kind of record change ---------------------

_MAX_CODES = 20  # codes listed on one line; the rest are counted


def _codes(records: list[RecordChange], show: Callable[[RecordChange], str]) -> str:
    shown = ", ".join(show(r) for r in records[:_MAX_CODES])
    rest = len(records) - _MAX_CODES
    return f"{shown} en {rest} meer" if rest > 0 else shown


def _record_line(r: RecordChange) -> str:
    parts = []
    if r.status_changed:
        parts.append(f"{_text(_plain(r.old_status))} → {_text(_plain(r.new_status))}")
    for f in r.fields:
        old, new = _plain(f.old), _plain(f.new)
        if f.field in ("groepen", "datum", "gearchiveerd") and len(old) + len(new) <= _SHORT_TEXT:
            parts.append(f"{f.field} {_text(old)} → {_text(new)}")
        else:  # a text or a link: that it changed, the JSON has the words
            soort = "toegevoegd" if f.old is None else "weg" if f.new is None else "gewijzigd"
            parts.append(f"{f.field} {soort}")
    return f"- {_text(r.code)}: {'; '.join(parts)}"


def _school_lines(s: SchoolChange, marks: Marks) -> list[str]:
    head = f"- **{_text(s.brin)}** {_text(s.naam)}"
    if s.change != "changed":
        what = "nieuw" if s.change == "added" else "verwijderd"
        where = _code(s.path if s.change == "added" else s.old_path)
        return [f"{head}: {what} ({where}), {s.aantal} leerdoelen, {s.ingevoerd} ingevoerd"]
    n = len(s.records)
    lines = [f"{head}: {n} {'leerdoel' if n == 1 else 'leerdoelen'} gewijzigd" if n else head]
    lines += [_INDENT + line for f in s.fields for line in _field_lines(f, marks)]
    if s.path != s.old_path:
        lines.append(f"{_INDENT}- bestand: {_code(s.old_path)} → {_code(s.path)}")
    added = [r for r in s.records if r.change == "added"]
    removed = [r for r in s.records if r.change == "removed"]
    archived = [r for r in s.records if r.archived]
    if added:
        shown = _codes(added, lambda r: f"{_text(r.code)} ({_text(_plain(r.new_status))})")
        lines.append(f"{_INDENT}- nieuw: {shown}")
    lines += [
        _INDENT + _record_line(r)
        for r in s.records
        if r.change == "changed" and (r.status_changed or r.fields)
    ]
    if archived:
        lines.append(f"{_INDENT}- gearchiveerd: {_codes(archived, lambda r: _text(r.code))}")
    if removed:
        lines.append(f"{_INDENT}- weg: {_codes(removed, lambda r: _text(r.code))}")
    return lines


def _status(change: Change) -> str:
    return f" ({_text(change.new_status)})" if change.new_status else ""


def _retired(change: Change) -> str:
    parts = []
    if change.vervangen_door:
        parts.append(f"vervangen door {_text(', '.join(change.vervangen_door))}")
    if change.reden:
        parts.append(f"reden: {_text(change.reden)}")
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


def _fields_json(fields: tuple[FieldChange, ...]) -> list[dict[str, Value]]:
    return [{"field": f.field, "old": f.old, "new": f.new} for f in fields]


def _school(s: SchoolChange) -> dict[str, object]:
    return {
        "brin": s.brin,
        "naam": s.naam,
        "change": s.change,
        "path": s.path,
        "old_path": s.old_path,
        "aantal": s.aantal,
        "ingevoerd": s.ingevoerd,
        "fields": _fields_json(s.fields),
        "records": [
            {
                "code": r.code,
                "change": r.change,
                "status": {"old": r.old_status, "new": r.new_status},
                "archived": r.archived,
                "fields": _fields_json(r.fields),
            }
            for r in s.records
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
        "scholen": [_school(s) for s in summary.diff.scholen],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def tag_message(name: str, summary: Summary) -> str:
    """The message of release tag ``name``: the summary since the previous release."""
    return f"Leerdoelen {name}\n\n{markdown(summary, level=1)}"
