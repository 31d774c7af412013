"""Aggregates with documents as the unit of evidence: voice and portrayal per actor (stage 3,
``sentiment.run``), shifts between periods with resampled intervals and corrected tests
(stage 4, ``shift.run``; ``resampling``), and the overview tables the notebooks show. Draws
nothing. May import every layer below it, from ``core`` to ``scoring``.
"""
