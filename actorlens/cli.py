"""Command line: ``python -m actorlens run [-f params.yaml] [-p key value ...] [--out DIR]
[--force]``,
``stages``, ``store-checked``, ``evaluate-sentiment FILE.jsonl [--scorer NAME]`` and
``evaluate-attribution LABELS.jsonl [--corpus DIR --actors FILE ...] [--split NAME]``."""

import argparse
import logging
import sys
from pathlib import Path

from actorlens.core import config
from actorlens.corpus import folder
from actorlens.runner import checked, pipeline


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actorlens", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run every notebook in order and write the reports")
    run.add_argument(
        "-f",
        "--file",
        action="append",
        default=[],
        metavar="PARAMS.yaml",
        help="parameter file (repeatable; later files win)",
    )
    run.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("KEY", "VALUE"),
        help="one parameter (wins over files)",
    )
    run.add_argument(
        "--out",
        metavar="DIR",
        help="folder receiving data/processed and reports (default: the project)",
    )
    run.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that is not an actorlens output folder yet although it holds "
        "data/processed or reports/...: they are moved into .actorlens/replaced/, not deleted",
    )
    commands.add_parser("stages", help="list the stages: notebook, tables read, tables written")
    commands.add_parser(
        "store-checked",
        help="copy the outputs of NBVAL_CHECK_OUTPUT cells from reports/notebooks into notebooks/",
    )
    evaluate = commands.add_parser(
        "evaluate-sentiment",
        help="score a NewsMTSC-format .jsonl file: macro-F1, accuracy, confusion matrix",
    )
    evaluate.add_argument("file", metavar="FILE.jsonl")
    evaluate.add_argument(
        "--scorer",
        action="append",
        choices=[config.BASELINE_SCORER, *config.SCORERS],
        help="scorer to evaluate (repeatable; default: all)",
    )
    attribution = commands.add_parser(
        "evaluate-attribution",
        help="score attributions against labelled ones: detection, speaker, source, errors per kind",
    )
    attribution.add_argument("file", metavar="LABELS.jsonl")
    attribution.add_argument("--corpus", action="append", default=[], metavar="DIR",
                             help="folder of the labelled documents (repeatable; default: "
                                  "the documents of the shipped labels)")  # fmt: skip
    attribution.add_argument(
        "--actors",
        action="append",
        default=[],
        metavar="FILE",
        help="actors file of each --corpus, in the same order",
    )
    attribution.add_argument(
        "--split", help="score only the labels of this split (dev, test, test_persent)"
    )
    return parser


def command_evaluate_attribution(args: argparse.Namespace) -> int:
    from actorlens.evaluation import attribution

    path = Path(args.file)
    if not path.is_file():
        raise pipeline.PipelineError(f"file not found: {path}", status=2)
    if len(args.corpus) != len(args.actors):
        raise pipeline.PipelineError("give one --actors file for each --corpus folder", status=2)
    corpora = [(Path(c), Path(a)) for c, a in zip(args.corpus, args.actors, strict=True)]
    try:
        table = attribution.evaluate_file(path, corpora or None, args.split)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise pipeline.PipelineError(
            f"{path}: not an attribution label file (doc_id, kind, content, content_start, "
            f"source, source_start, speaker): {exc!r}", status=2) from exc  # fmt: skip
    print(table.to_string(index=False))
    return 0


def command_evaluate(args: argparse.Namespace) -> int:
    from actorlens.evaluation import validation
    from actorlens.scoring import scorers

    path = Path(args.file)
    if not path.is_file():
        raise pipeline.PipelineError(f"file not found: {path}", status=2)
    try:
        results = validation.evaluate_file(
            path, args.scorer or (scorers.BASELINE, *scorers.SCORERS)
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise pipeline.PipelineError(
            f"{path}: not in the NewsMTSC format (sentence_normalized, targets with from, "
            f"to, polarity): {exc!r}",
            status=2,
        ) from exc
    for name, result in results.items():
        print(f"{name}: n={result['n']} macro-F1={result['macro_f1']:.4f} "
              f"accuracy={result['accuracy']:.4f}")  # fmt: skip
        print(result["confusion"].to_string(), end="\n\n")
    return 0


def command_run(args: argparse.Namespace) -> int:
    params = pipeline.load_parameters(args.file, [tuple(p) for p in args.parameter])
    params = pipeline.resolve_paths(params, Path.cwd())
    pipeline.check_input_files(params)
    corpus = Path(params["corpus_dir"])
    try:
        found = folder.document_files(corpus, params["recursive"], folder.Log())
    except folder.CorpusError as exc:
        raise pipeline.PipelineError(str(exc), status=2) from exc
    if not found:
        raise pipeline.PipelineError(f"corpus folder has no *.txt files: {corpus}", status=2)
    result = pipeline.run(params, args.out and Path(args.out).resolve(), force=args.force)
    print(f"Report: {result.index}")
    return 0


def command_stages() -> int:
    for stage in pipeline.STAGES:
        print(f"{stage.name}: {stage.notebook}")
        source = "(the corpus folder)" if "corpus_dir" in stage.parameters else "(shipped labels)"
        print(f"  reads:  {', '.join(stage.inputs) or source}")
        print(f"  writes: {', '.join(stage.products) or '(its page only)'}")
    return 0


def command_store_checked() -> int:
    for stage in pipeline.STAGES:
        executed = config.REPORTS_DIR / "notebooks" / stage.notebook
        stored = checked.store_checked_outputs(config.NOTEBOOKS_DIR / stage.notebook, executed)
        print(f"{stage.notebook}: {stored} checked cell(s) stored")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "run":
            return command_run(args)
        if args.command == "evaluate-sentiment":
            return command_evaluate(args)
        if args.command == "evaluate-attribution":
            return command_evaluate_attribution(args)
        if args.command == "store-checked":
            return command_store_checked()
        return command_stages()
    except pipeline.PipelineError as exc:
        print(f"actorlens: error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        # A kernel killed by the same Ctrl-C leaves an asyncio task whose "Kernel died"
        # error would be logged, with a traceback, when it is collected at exit.
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        print("actorlens: interrupted; the previous products are unchanged", file=sys.stderr)
        return 130
