"""The parts of a Word document besides its body paragraphs: tables, text boxes, headers,
footers, footnotes, endnotes and comments (where "Participant: Priya Raman" hides), and its
properties. They are read as lines after the body, de-identified like it, and written back
paragraph by paragraph; properties and the names of authors are cleared."""
from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"/word/(header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
BREAK = "\u2028"   # a line break inside a paragraph (so one paragraph stays one line)


class Parts:
    """The hidden paragraphs of a document, in a fixed order, editable; `flush()` writes
    the parts python-docx keeps as bytes."""

    def __init__(self, doc):
        from docx.oxml import parse_xml
        from docx.text.paragraph import Paragraph
        self._blobs = []
        body = doc.element.body
        elements = [p for p in body.iter(f"{W}p") if p.getparent() is not body]
        for part in sorted(doc.part.package.parts, key=lambda p: str(p.partname)):
            if not PARTS.fullmatch(str(part.partname)):
                continue
            root = getattr(part, "element", None)
            if root is None:
                root = parse_xml(part.blob)
                self._blobs.append((part, root))
            elements += list(root.iter(f"{W}p"))
        self.paragraphs = [Paragraph(p, None) for p in elements]
        self._roots = [doc.element] + [r for _, r in self._blobs] + [
            getattr(p, "element", None) for p in doc.part.package.parts if PARTS.fullmatch(str(p.partname))]

    def texts(self) -> list[str]:
        return [text_of(p) for p in self.paragraphs]

    def flush(self) -> None:
        from lxml import etree
        for root in self._roots:
            if root is not None:
                for el in root.iter():
                    for attr in (f"{W}author", f"{W}initials"):   # who commented or changed it
                        if el.get(attr):
                            el.set(attr, "")
        for part, root in self._blobs:
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def text_of(paragraph) -> str:
    return paragraph.text.replace("\n", BREAK)


def scrub_properties(doc) -> None:
    """No company, manager, template or custom properties (python-docx clears the core ones
    through `core_properties`)."""
    from lxml import etree
    for part in doc.part.package.parts:
        name = str(part.partname)
        if name == "/docProps/app.xml":
            root = etree.fromstring(part.blob)
            for el in root:
                if etree.QName(el).localname in ("Company", "Manager", "Template", "HyperlinkBase"):
                    el.text = ""
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif name == "/docProps/custom.xml":
            root = etree.fromstring(part.blob)
            for el in list(root):
                root.remove(el)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
