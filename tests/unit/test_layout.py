"""The package's boundaries: no module reaches into another module's private names."""

import ast

from actorlens import config


def private_uses(source: str) -> list[str]:
    """The private names of other actorlens modules that ``source`` imports or reads:
    ``from actorlens.x import _name`` and ``x._name`` where ``x`` is an imported module."""
    tree = ast.parse(source)
    modules, found = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("actorlens"):
            for alias in node.names:
                if node.module == "actorlens":
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
        "from actorlens import quotes\nfrom actorlens.resampling import _draw, q_values\n"
        "doc = quotes._Document()\nok = quotes.Attribution\n"
    )
    assert private_uses(source) == ["actorlens.resampling._draw", "quotes._Document"]


def test_no_module_of_the_package_uses_another_modules_private_names():
    offenders = {
        path.name: uses
        for path in sorted(config.PACKAGE_DIR.glob("*.py"))
        if (uses := private_uses(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
