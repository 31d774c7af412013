"""Who says what: direct quotes and reported speech attributed to a speaker, in one table built
by one path (``extract.extract_attributions``), used by the pipeline and by every validation;
and each mention's role (``roles``: speaker, quoted, portrayed). May import the layers below:
``core``, ``text``, ``corpus``, ``mentions``.
"""
