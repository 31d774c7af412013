"""Checked notebook outputs: the cells marked ``# NBVAL_CHECK_OUTPUT`` keep their outputs
in git so that nbval notices when a finding changes; every other output is stripped."""

from pathlib import Path

import nbformat

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"


def is_checked(cell) -> bool:
    return cell.cell_type == "code" and CHECK_MARK in cell.source


def store_checked_outputs(source: Path, executed: Path) -> int:
    """Copy the outputs of checked cells from ``executed`` into ``source`` (matched by
    cell source), strip all other outputs; return the number of checked cells stored."""
    notebook = nbformat.read(source, as_version=4)
    ran = nbformat.read(executed, as_version=4)
    outputs = {cell.source: cell.get("outputs", []) for cell in ran.cells if is_checked(cell)}
    stored = 0
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        cell.execution_count = None
        cell.outputs = []
        if is_checked(cell) and cell.source in outputs:
            # nbval only compares cells that ran; a stable count keeps reruns diff-free
            cell.execution_count = number
            cell.outputs = [_numbered(output, number) for output in outputs[cell.source]]
            stored += 1
    nbformat.write(notebook, source)
    return stored


def _numbered(output, number: int):
    if "execution_count" in output:
        output.execution_count = number
    return output
