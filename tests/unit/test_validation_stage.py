"""Notebook 05: how far to trust the numbers, measured on the data the package ships, apart
from the stages that analyse the user's corpus; and the front page that links it."""

from datetime import datetime
from pathlib import Path

import nbformat

from actorlens.core import config, parameters, stages
from actorlens.evaluation import persent
from actorlens.report import front_page
from actorlens.runner import checked

# What only the validation notebook calls: the evaluation code and the shipped labels.
VALIDATION_MODULES = ("validation.", "persent.", "attribution.")
CHECKED_CALLS = [
    "validation.portrayal_agreement()",
    'validation.portrayal_levels("dev")',
    'validation.portrayal_levels("test")',
    "validation.newsmtsc_agreement()",
    "persent.folder_agreement(persent_dir)",
    "validation.quote_agreement(validation.seed_quotes(), validation.load_seed_quote_gold())",
    'attribution.evaluate_file(validation.ATTRIBUTION_LABELS, split="dev")',
    'attribution.evaluate_file(validation.ATTRIBUTION_LABELS, split="test")',
    'attribution.evaluate_file(validation.ATTRIBUTION_LABELS, split="test_persent")',
    'validation.stance_agreement(split="dev")',
    'validation.stance_agreement(split="test")',
    "validation.seed_stance_beside_labels()",
]


def code_of(notebook: str) -> list[str]:
    cells = nbformat.read(config.NOTEBOOKS_DIR / notebook, as_version=4).cells
    return [cell.source for cell in cells if cell.cell_type == "code"]


def test_validation_is_the_last_stage_and_reads_and_writes_no_table():
    stage = stages.STAGES[-1]
    assert (stage.name, stage.notebook, stage.inputs, stage.products, stage.figures,
            stage.parameters) == ("validation", "05-validation.ipynb", (), (), (),
                                  ("persent_dir",))  # fmt: skip
    assert [s.name for s in stages.STAGES] == ["ingest", "mentions", "voice", "shift", "validation"]


# The one check a stage notebook shows: the chosen scorer's agreement with the hand labels,
# beside the portrayal figure it qualifies (one scorer, no corpus but the labelled mentions).
BESIDE_THE_FIGURE = {"03-voice-and-portrayal.ipynb": [
    "tables.table(validation.scorer_levels(scorer))"]}  # fmt: skip


def test_the_stage_notebooks_analyse_the_users_corpus_only():
    for stage in stages.STAGES[:-1]:
        calls = [s for s in code_of(stage.notebook) if any(m in s for m in VALIDATION_MODULES)]
        assert calls == BESIDE_THE_FIGURE.get(stage.notebook, []), stage.notebook
        assert "persent_dir" not in stage.parameters


def test_notebook_05_holds_every_validation_check_with_its_stored_output():
    sources = [s for s in code_of("05-validation.ipynb") if checked.CHECK_MARK in s]
    persent_cell = f"agreement, note = {CHECKED_CALLS[4]}\ntables.table(agreement, note=note)"
    assert [s.removeprefix(f"{checked.CHECK_MARK}\n") for s in sources] == [
        f"tables.table({call})" if not call.startswith("persent.") else persent_cell
        for call in CHECKED_CALLS
    ]
    cells = nbformat.read(config.NOTEBOOKS_DIR / "05-validation.ipynb", as_version=4).cells
    assert all(cell.outputs for cell in cells if checked.is_checked(cell))


def test_no_default_path_leads_outside_the_project():
    for name, parameter in parameters.PARAMETERS.items():
        if name.endswith(("_dir", "_file")) and parameter.default:
            path = Path(parameter.default)
            assert not path.is_absolute() and ".." not in path.parts, name


def test_persent_is_skipped_with_a_note_unless_a_folder_is_given(tmp_path):
    assert parameters.default("persent_dir") == ""
    assert persent.folder_agreement("")[1] == (
        "PerSenT not given (persent_dir is empty): skipped. Set persent_dir to a folder "
        "holding PerSenT's dev.csv and fixed_test.csv to add its document and paragraph "
        "labels."
    )
    assert persent.folder_agreement(tmp_path)[1] == (
        f"PerSenT not found in {tmp_path} (dev.csv and fixed_test.csv): skipped"
    )


def test_the_front_page_links_the_validation_page(tmp_path):
    stage = stages.BY_NAME["validation"]
    index = front_page.write_index(tmp_path, tmp_path, [stage], {"corpus_dir": "seeds"},
                               datetime(2025, 1, 1), {"validation": 2.0})  # fmt: skip
    html = " ".join(index.read_text(encoding="utf-8").split())
    assert (
        '<h2>Validation <span class="meta">(<a href="html/05-validation.html">full page</a>, '
        "2.0 s)</span></h2>"
    ) in html
    assert f"<li>{front_page.VALIDATION_HEADLINE}</li>" in html


def test_the_front_page_template_escapes_what_it_is_given(tmp_path):
    stage = stages.BY_NAME["validation"]
    params = {"corpus_dir": "<script>alert(1)</script>", "top_n": "<b>3</b>"}
    html = front_page.write_index(tmp_path, tmp_path, [stage], params, datetime(2025, 1, 1),
                              {}).read_text(encoding="utf-8")  # fmt: skip
    assert "<script>" not in html and "<b>" not in html
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html
    assert '<td class="">&lt;b&gt;3&lt;/b&gt;</td>' in html
