"""HTML pages of executed notebooks."""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from actorlens.report import front_page


def test_html_page_shows_outputs_without_code_or_hidden_cells(tmp_path):
    shown = new_code_cell("print('secret code')", outputs=[new_output("stream", text="42 rows\n")])
    hidden = new_code_cell("x = 1", outputs=[new_output("stream", text="hidden output\n")])
    hidden.metadata["tags"] = [front_page.HIDDEN_CELL_TAGS[0]]
    notebook = new_notebook(cells=[new_markdown_cell("# How many rows?"), shown, hidden])
    path = tmp_path / "01-demo.ipynb"
    nbformat.write(notebook, path)
    page = front_page.write_html_page(path, tmp_path / "html")
    body = page.read_text(encoding="utf-8")
    assert page == tmp_path / "html" / "01-demo.html"
    assert "How many rows?" in body and "42 rows" in body
    assert "secret code" not in body and "hidden output" not in body
