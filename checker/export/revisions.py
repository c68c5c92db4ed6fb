"""Native Word tracked changes, built in the XML: ``w:ins`` / ``w:del`` with author and date.

Inserted text is a run inside ``w:ins``; deleted text is a run inside ``w:del`` whose text is
``w:delText``. A whole inserted or deleted paragraph also marks its paragraph mark
(``w:pPr/w:rPr/w:ins|w:del``), so that accepting or rejecting leaves no empty paragraph.
python-docx's ``paragraph.text`` does not see revision text; :func:`paragraph_text` does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from checker.diff.words import Segment

# the CT_Settings children that precede w:trackRevisions in the schema
_SETTINGS_BEFORE = (
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
)


@dataclass
class Revision:
    """Who made the changes and when; hands out the unique ``w:id`` of each mark."""

    author: str
    date: dt.datetime
    next_id: int = field(default=1)

    def mark(self, tag: str) -> Any:
        """A new ``w:ins`` or ``w:del`` element with id, author and ISO date (UTC)."""
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.author)
        stamp = self.date.astimezone(dt.UTC) if self.date.tzinfo else self.date
        element.set(qn("w:date"), stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.next_id += 1
        return element


def add_segments(
    paragraph: Paragraph, segments: list[Segment] | tuple[Segment, ...], revision: Revision | None
) -> None:
    """Write the text of ``segments``: unchanged as plain runs, the rest as tracked changes."""
    for op, text in segments:
        if not text:
            continue
        run = paragraph.add_run(text)
        if op == "=" or revision is None:
            if op == "-":  # no revision: the clean copy leaves deleted text out
                run._r.getparent().remove(run._r)
            continue
        wrapper = revision.mark("w:ins" if op == "+" else "w:del")
        run._r.addprevious(wrapper)
        wrapper.append(run._r)
        if op == "-":
            for element in run._r.findall(qn("w:t")):
                element.tag = qn("w:delText")


def mark_paragraph(paragraph: Paragraph, op: str, revision: Revision) -> None:
    """Mark the paragraph mark itself inserted (``+``) or deleted (``-``)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    rpr.append(revision.mark("w:ins" if op == "+" else "w:del"))


def enable_tracking(settings: Any) -> None:
    """Turn on Track Changes so that reviewers' own edits are tracked too."""
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    element = OxmlElement("w:trackRevisions")
    before = [child for child in settings if child.tag in {qn(f"w:{n}") for n in _SETTINGS_BEFORE}]
    if before:
        before[-1].addnext(element)
    else:
        settings.insert(0, element)


def _mark(paragraph: Any, tag: str) -> Any:
    ppr = paragraph.find(qn("w:pPr"))
    rpr = ppr.find(qn("w:rPr")) if ppr is not None else None
    return rpr.find(qn(tag)) if rpr is not None else None


def accept_all(body: Any) -> None:
    """Accept every tracked change under ``body`` (a document body or any element), in place."""
    for element in list(body.iter(qn("w:del"))):
        if element.getparent().tag != qn("w:rPr"):
            element.getparent().remove(element)
    for element in list(body.iter(qn("w:ins"))):
        parent = element.getparent()
        if parent.tag == qn("w:rPr"):
            parent.remove(element)
            continue
        for child in list(element):
            element.addprevious(child)
        parent.remove(element)
    for paragraph in list(body.iter(qn("w:p"))):
        mark = _mark(paragraph, "w:del")
        if mark is None:
            continue
        mark.getparent().remove(mark)
        following = paragraph.getnext()
        runs = [child for child in paragraph if child.tag != qn("w:pPr")]
        if following is not None and following.tag == qn("w:p"):
            anchor = following.find(qn("w:pPr"))
            for run in reversed(runs):
                if anchor is not None:
                    anchor.addnext(run)
                else:
                    following.insert(0, run)
        paragraph.getparent().remove(paragraph)
    for rpr in list(body.iter(qn("w:rPr"))):
        if len(rpr) == 0 and rpr.getparent().tag == qn("w:pPr"):
            rpr.getparent().remove(rpr)


def paragraph_text(paragraph: Any, view: str = "accept") -> str | None:
    """The text of a ``w:p`` as it reads with all changes accepted or rejected.

    Returns None when the paragraph itself does not exist in that view (an inserted paragraph
    when rejecting, a deleted one when accepting); tabs read as ``\\t``.
    """
    gone = "w:del" if view == "accept" else "w:ins"
    if _mark(paragraph, gone) is not None:
        return None
    skip, keep_text = (
        (qn("w:del"), qn("w:t")) if view == "accept" else (qn("w:ins"), qn("w:delText"))
    )
    out = []
    for element in paragraph.iter(qn("w:t"), qn("w:delText"), qn("w:tab")):
        ancestors = {a.tag for a in element.iterancestors()}
        if skip in ancestors or qn("w:pPr") in ancestors:
            continue
        if element.tag == qn("w:tab"):
            out.append("\t")
        elif element.tag in (keep_text, qn("w:t")):
            out.append(element.text or "")
    return "".join(out)
