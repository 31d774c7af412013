"""Training of the models the package ships in ``actorlens/resources``, apart from their
inference in ``actorlens.scoring``: ``target_sentiment`` fits, cross-validates and calibrates
the linear NewsMTSC scorer, ``minilm`` fine-tunes MiniLM into the ``minilm`` scorer and exports
it to int8 ONNX (with the training packages of ``requirements-train.lock``); ``make model`` runs
both. Nothing in the product imports it (import-linter keeps it at the top, beside ``cli``); it
may import any other subpackage, in practice ``scoring`` for the inference it fits and
``evaluation`` for the NewsMTSC loader and metrics.
"""
