"""What every stage shares: where files are (``config``), what a parameter is
(``parameters``), which stage writes which table and with what settings (``stages``), what
each table holds and how it is written and read (``tables``), how work is scheduled
(``engine``), safe YAML (``safe_yaml``) and the guard of the output folder (``outputs``).
Imports nothing else of actorlens.
"""
