"""YAML for every file and value a user gives (parameters, actors files, lexicons,
boilerplate rules): PyYAML's safe loader, refusing documents whose aliases expand to more
than ``MAX_NODES`` nodes or refer to themselves (the "billion laughs").
"""

import yaml

MAX_NODES = 100_000


class YamlBombError(yaml.YAMLError):
    """A YAML document whose anchors and aliases expand beyond the bound."""


class BoundedLoader(yaml.SafeLoader):
    """The safe loader, checking each document's expanded size before building it."""

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None:
            expanded_size(node)
        return node


def expanded_size(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """The number of nodes ``root`` stands for with every alias expanded; a
    :class:`YamlBombError` past ``limit`` or on a node that contains itself."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > limit:
                raise YamlBombError(f"aliases expand to more than {limit:,} values")
            continue
        if key in open_nodes:
            raise YamlBombError("an anchor refers to itself")
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise YamlBombError("an anchor refers to itself")
            stack.append((child, False))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load(text: str):
    """The one YAML document in ``text``, built safely within the bound."""
    return yaml.load(text, Loader=BoundedLoader)  # noqa: S506 (a SafeLoader subclass)
