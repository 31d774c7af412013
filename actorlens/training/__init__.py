"""Training of the models the package ships in ``actorlens/resources``, apart from their
inference in ``actorlens.scoring``: ``target_sentiment`` fits, cross-validates and calibrates
the NewsMTSC scorer (``make model``). Nothing
in the product imports it (import-linter keeps it at the top, beside ``cli``); it may import any
other subpackage, in practice ``scoring`` for the inference it fits and ``evaluation`` for the
NewsMTSC loader and metrics.
"""
