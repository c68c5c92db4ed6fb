"""Names the command line needs before it loads anything: the output formats, and how many
findings of each rule the person-facing reports list.

They are options' choices and help text, read at every ``kebijakan --help``, so they live in a
module that imports nothing; :mod:`checker.policy.render`, :mod:`checker.report.formats` and
:mod:`checker.report.labels` import them back, and ``tests/test_startup.py`` keeps them in step
with the renderers.
"""

# the layouts of checker.policy.render: text as on paper, Markdown for the site
REGULATION_FORMATS = ("text", "markdown")
# the formats of checker.report.formats.render_report
REPORT_FORMATS = ("text", "json", "csv", "md", "xlsx")

# The text and Markdown reports list this many findings of each rule (and of each dispensation),
# then one line counting the rest: a person reads a sample, not millions of lines (a 7 M-cell
# workbook once gave a 264 MB text report). JSON, CSV and XLSX always hold every finding.
SHOWN_PER_GROUP = 50
