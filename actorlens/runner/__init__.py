"""Running the notebooks in order: parameters read and checked, each stage's notebook executed
by papermill into a fresh run folder, HTML pages rendered and the output folder switched
atomically (``pipeline``); the stored outputs nbval checks (``checked``). May import every
layer except ``cli``.
"""
