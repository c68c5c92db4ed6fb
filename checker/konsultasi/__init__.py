"""Public consultation on a draft, clause by clause (UU 12/2011 Pasal 96 as amended by
UU 13/2022): what a comment is, the Pasal it may be given on, and the YAML file in
``policy/konsultasi/`` where drafters record the answer to each published comment.

- :mod:`.model`: the kinds (asal, keputusan, status), the limits of a comment and the Pasal of a
  version as the consultation page shows them;
- :mod:`.berkas`: ``policy/konsultasi/<versi>.yml``, read with positions and written again
  keeping what drafters filled (``kebijakan konsultasi ekspor``);
- :mod:`.lint`: what ``kebijakan lint`` says about those files.

The upload service (:mod:`checker.serve.konsultasi`) takes the comments in and lets BKD moderate
them; the site (:mod:`checker.site.konsultasi`) shows the published ones with their answers.
"""
