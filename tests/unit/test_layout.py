"""The package's boundaries: no module reaches into another module's private names, and
none is longer than a reader can hold (the direction of imports is import-linter's, in
``make lint``)."""

import ast
import importlib.util

from actorlens.core import config


def is_module(dotted: str) -> bool:
    """Whether ``dotted`` names a module (so ``from a.b import c`` imported module ``c``)."""
    try:
        return importlib.util.find_spec(dotted) is not None
    except ModuleNotFoundError:  # the parent is a module, not a package
        return False


def private_uses(source: str) -> list[str]:
    """The private names of other actorlens modules that ``source`` imports or reads:
    ``from actorlens.x import _name`` and ``x._name`` where ``x`` is an imported module."""
    tree = ast.parse(source)
    modules, found = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("actorlens"):
            for alias in node.names:
                if is_module(f"{node.module}.{alias.name}"):
                    modules.add(alias.asname or alias.name)
                elif alias.name.startswith("_"):
                    found.append(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            modules.update(a.asname or a.name for a in node.names if a.name.startswith("actorlens"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_a_private_name_of_another_module_is_found():
    source = (
        "from actorlens.attribution import quotes\n"
        "from actorlens.analysis.resampling import _draw, q_values\n"
        "doc = quotes._Document()\nok = quotes.Attribution\n"
    )
    assert private_uses(source) == ["actorlens.analysis.resampling._draw", "quotes._Document"]


def test_no_module_of_the_package_uses_another_modules_private_names():
    offenders = {
        str(path.relative_to(config.PACKAGE_DIR)): uses
        for path in sorted(config.PACKAGE_DIR.rglob("*.py"))
        if (uses := private_uses(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


MAX_MODULE_LINES = 400


def test_no_module_is_longer_than_400_lines():
    lengths = {
        str(path.relative_to(config.PACKAGE_DIR)): n
        for path in sorted(config.PACKAGE_DIR.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert lengths == {}
