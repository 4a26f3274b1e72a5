"""Every message marked for translation in the Python code is in a Spanish catalogue: a message
marked but never extracted would show in English on a Spanish page, and the catalogue tests,
which read only what was extracted, would not see it."""

from __future__ import annotations

import ast

from tests.web.i18n.catalogues import CATALOGUES, CONTEXT_SEPARATOR, WEB, as_catalogue, po_entries

SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop"}
CONTEXTUAL = {"pgettext", "pgettext_lazy"}
PLURAL = {"ngettext", "ngettext_lazy"}


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _marked(tree: ast.AST):
    """(key, line) of each literal message, keyed as gettext keys it."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name, texts = _called(node), [_literal(arg) for arg in node.args[:2]]
        if name in SINGULAR and texts[0]:
            yield texts[0], node.lineno
        elif name in CONTEXTUAL and len(texts) == 2 and all(texts):
            yield texts[0] + CONTEXT_SEPARATOR + texts[1], node.lineno
        elif name in PLURAL and texts[0]:
            yield (texts[0], 0), node.lineno


def test_every_message_marked_in_the_code_is_in_a_spanish_catalogue():
    known = {}
    for po in CATALOGUES:
        known |= as_catalogue(po_entries(po))
    missing = [
        f"{path.relative_to(WEB)}:{line}: {key!r}"
        for path in sorted(WEB.rglob("*.py"))
        if "migrations" not in path.parts
        for key, line in _marked(ast.parse(path.read_text(encoding="utf-8")))
        if key not in known
    ]
    assert missing == []


def test_the_scan_finds_each_kind_of_marking():
    source = 'gettext("a")\n_("b")\npgettext("ctx", "c")\nngettext("d", "ds", 2)\nf(x)\n'
    found = [key for key, _ in _marked(ast.parse(source))]
    assert found == ["a", "b", "ctx" + CONTEXT_SEPARATOR + "c", ("d", 0)]
