"""Pure text helpers, string in and spans out, and the one cue and name lexicon
(``resources/lexicon.yml``, read by ``lexicon``): folding for matching (``spans``), sentence
splitting (``sentences``), capitalised names (``names``). May import ``core`` only.
"""
