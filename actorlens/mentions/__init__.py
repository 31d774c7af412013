"""Who is mentioned where: actors' aliases matched in the texts, counts, salience, keywords in
context and the capitalised names no actor claims. Stage 2 (``count.run``) writes the mention
tables. May import ``core``, ``text`` and ``corpus``.
"""
