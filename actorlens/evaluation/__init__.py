"""How far to trust the numbers: the scorers, stance and attribution checked against the hand
labels and public datasets the package ships (``validation``, ``attribution``, ``persent``),
shown by notebook 05. May import ``analysis`` and the layers below; not ``report``.
"""
