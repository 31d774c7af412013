"""Judgements of a single mention or attribution: portrayal scorers (``scorers``) and stance
toward a target (``stance``), with the inference side of the trained model. Training lives in
``actorlens.training``. May import ``core``, ``text``, ``corpus``, ``mentions``, ``attribution``.
"""
