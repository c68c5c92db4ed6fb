"""The regulation as a printed document: one walk, and layouts over it.

:func:`~checker.policy.document.walk.walk` reads a :class:`~checker.policy.model.Peraturan`
once, numbering from :func:`checker.policy.numbering.number`, and yields
:class:`~checker.policy.document.blocks.Unit` objects (a Pasal, a heading, Menimbang, a
signature block) of :class:`~checker.policy.document.blocks.Block` objects (one printed
paragraph each) whose words are inline segments (plain words, emphasis, a citation with its
target, a parameter value with its name). Every output is a layout of that walk: a subclass of
:class:`~checker.policy.document.layout.Layout` that implements ``stanza`` and ``result`` and
overrides the hooks where it adds something:

- text and Markdown (``kebijakan render``): :mod:`.text`, :mod:`.markdown`;
- the site (:mod:`checker.site.peraturan`): Markdown plus anchors in headings, links across
  pages (``citation``), parameter footnotes (``value``), the rules box (``end_unit``);
- Word (:mod:`checker.export.docx`): a paragraph style per block kind, the emblem above the kop
  and the signature table (``begin_unit``/``end_unit``), italics for emphasis, and tracked
  changes;
- the redline (:mod:`checker.diff.compare`) pairs the units of two walks by key and their
  blocks by id or text; its ``RevUnit``/``RevBlock`` are units and blocks that also carry the
  word changes, so a layout lays out a redline as it lays out a walk (Word does).

A later layout plugs in the same way. A DIM table (daftar inventarisasi masalah) is a
``Layout[list[Row]]`` whose ``stanza`` adds a row per block with its ``key`` (the clause id)
and ``text``, and whose ``begin_part`` starts a section per part of the regulation. A
"matriks perubahan" is a layout over ``Comparison.clauses``: its ``begin_unit`` starts a row per
changed Pasal and its ``stanza`` fills the before and after columns from each ``RevBlock``'s
segments (``-`` and ``=`` before, ``+`` and ``=`` after).
"""
