"""What the reader sees: figures that only draw (``figures``: corpus and mentions;
``voice_figures``; ``shift_figures``; their shared ``figure_style``), the words of the summary, and
the front page rendered from a Jinja2 template with autoescape (``front_page``). May import
``analysis`` and the layers below; not ``evaluation``, ``runner`` or ``cli``.
"""
