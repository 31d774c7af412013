"""Per-module summary of the last mutation run (``make mutation``): mutants, killed,
survived (no test failed), no tests (no selected test runs the function) and the share
not killed, from mutmut's records under ``mutants/``.

    .venv/bin/python benchmarks/mutation_summary.py                   # the table
    .venv/bin/python benchmarks/mutation_summary.py --save before.json
    .venv/bin/python benchmarks/mutation_summary.py --before before.json --survivors
"""

import argparse
import json
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

MUTANTS = Path("mutants")
GOAL = 0.15  # at most this share of each module's mutants may stay unkilled


def module_statuses(mutants: Path = MUTANTS) -> dict[str, dict[str, str]]:
    """Module -> mutant name -> status (killed, survived, no tests, timeout, ...)."""
    found = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        module = str(meta.relative_to(mutants)).removesuffix(".meta")
        found[module] = {name: status_by_exit_code[code] for name, code in codes.items()}
    return found


def counts(statuses: dict[str, str]) -> dict[str, int]:
    """Mutants, killed (a timeout counts as killed), survived, no tests, and the rest."""
    by_status = Counter(statuses.values())
    killed = by_status["killed"] + by_status["timeout"]
    survived, untested = by_status["survived"], by_status["no tests"]
    return {"mutants": len(statuses), "killed": killed, "survived": survived,
            "no_tests": untested, "other": len(statuses) - killed - survived - untested}  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the counts per module to this JSON file")
    parser.add_argument("--before", type=Path, help="counts saved by an earlier run, to compare")
    parser.add_argument("--survivors", action="store_true", help="list the unkilled mutants")
    args = parser.parse_args(argv)
    statuses = module_statuses()
    if not statuses:
        print("No mutation results under mutants/: run `make mutation` first.")
        return 1
    table = {module: counts(found) for module, found in statuses.items()}
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else {}
    print(
        "| module | mutants | killed | survived | no tests | other | unkilled | unkilled before |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for module, row in table.items():
        unkilled = row["survived"] + row["no_tests"]
        share = unkilled / row["mutants"] if row["mutants"] else 0.0
        earlier = before.get(module)
        was = f"{earlier['survived'] + earlier['no_tests']}" if earlier else "-"
        print(f"| {module} | {row['mutants']} | {row['killed']} | {row['survived']} | "
              f"{row['no_tests']} | {row['other']} | {unkilled} ({share:.0%})"
              f"{' *' if share > GOAL else ''} | {was} |")  # fmt: skip
    print(
        f"\nunkilled: survived or no tests; other: not checked yet, suspicious, segfault; "
        f"* more than {GOAL:.0%} of the module's mutants are not killed"
    )
    if args.survivors:
        for module, found in statuses.items():
            names = [name for name, status in found.items() if status in ("survived", "no tests")]
            print(f"\n{module}: {len(names)} not killed (`.venv/bin/mutmut show NAME` shows one)")
            print("\n".join(f"  {name} ({found[name]})" for name in names))
    if args.save:
        args.save.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
