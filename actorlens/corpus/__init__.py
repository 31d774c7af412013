"""The user's corpus: the folder and its manifest (``folder``), bytes to clean text
(``text_cleaning``), files to documents and sentences (``ingest``), and the actors file
(``actors``). Stage 1 (``ingest.run``) writes the documents, sentences and texts tables. May
import ``core`` and ``text``.
"""
