"""Command line: ``python -m actorlens run [-f params.yaml] [-p key value ...] [--out DIR]``."""

import argparse
import sys
from pathlib import Path

from actorlens import checked, config, pipeline


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
    commands.add_parser("stages", help="list the stages, their notebooks and products")
    commands.add_parser(
        "store-checked",
        help="copy the outputs of NBVAL_CHECK_OUTPUT cells from reports/notebooks into notebooks/",
    )
    return parser


def command_run(args: argparse.Namespace) -> int:
    params = pipeline.load_parameters(args.file, [tuple(p) for p in args.parameter])
    params = pipeline.resolve_paths(params, Path.cwd())
    corpus = Path(params["corpus_dir"])
    if not corpus.is_dir():
        raise pipeline.PipelineError(f"corpus folder not found: {corpus}", status=2)
    if not any(corpus.glob("*.txt")):
        raise pipeline.PipelineError(f"corpus folder has no *.txt files: {corpus}", status=2)
    result = pipeline.run(params, args.out and Path(args.out).resolve())
    print(f"Report: {result.index}")
    return 0


def command_stages() -> int:
    for stage in pipeline.STAGES:
        print(f"{stage.name:<10} {stage.notebook:<32} {', '.join(stage.products)}")
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
        if args.command == "store-checked":
            return command_store_checked()
        return command_stages()
    except pipeline.PipelineError as exc:
        print(f"actorlens: error: {exc}", file=sys.stderr)
        return exc.status
