"""SVG logos, read as XML before any renderer sees them: UTF-8, no DOCTYPE, entity or processing
instruction, only elements that draw in bounded time and memory, nothing outside the file, and what
the references expand to bounded. The drawing's size is svg_size.py's; the limits on pixels, and
on the bitmaps a logo embeds, are logos.py's."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from itertools import chain

from lxml import etree

from reports.delivery import svg_size
from warehouse import textfiles

SVG_NS = "http://www.w3.org/2000/svg"
MAX_ELEMENTS = 5_000  # elements in the file
MAX_EXPANDED = 10_000  # elements drawn once every reference is followed: a <use> draws its target again
MAX_DRAWN_BYTES = 2 * 1024 * 1024  # path data, text and other attributes drawn, references followed
MAX_DEPTH = 32  # elements nested in one another, through references too
# What a logo may draw with. Patterns and filters allocate by their own region, whatever the logo's
# size, and markers repeat at every vertex: refused, as is anything not listed (scripts, animation,
# foreign objects).
ALLOWED = {"svg", "g", "defs", "symbol", "use", "switch", "a", "title", "desc", "metadata", "style",
           "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
           "linearGradient", "radialGradient", "stop", "clipPath", "mask", "image"}
# Names of SVG elements outside ALLOWED: refused in any namespace too, since WeasyPrint reads an
# element by its local name. Other elements of other namespaces (an editor's metadata) draw nothing.
SVG_ONLY = {"pattern", "filter", "marker", "script", "foreignObject", "set", "mpath", "view", "cursor", "font",
            "font-face", "glyph", "tref", "altGlyph", "hatch", "mesh", "meshgradient", "solidcolor", "discard"}
DECLARED_ENCODING = re.compile(r"""\A<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
FILTER = re.compile(r"(?<![\w-])filter\s*:\s*(?!none\s*(?:;|}|!|$))", re.IGNORECASE)
DATA = re.compile(r"data:image/(png|jpeg);base64,(.*)", re.IGNORECASE | re.DOTALL)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                         encoding="utf-8")


@dataclass
class Drawing:
    width: float  # pixels, as the renderers draw it at scale 1
    height: float
    images: list[tuple[str, bytes]] = field(default_factory=list)  # (PNG or JPEG, bytes) embedded


def read(data: bytes, logo: str) -> Drawing:
    """The drawing's size and embedded images, once the SVG is known to be safe to render; ValueError
    saying what is wrong and the fix."""
    root = _parse(data, logo)
    elements = list(root.iter(etree.Element))  # held, so each element keeps one identity below
    if len(elements) > MAX_ELEMENTS:
        raise ValueError(f"'{logo}' has {len(elements)} elements, more than the {MAX_ELEMENTS} a logo may have; "
                         "simplify it or export it as PNG")
    ids: dict[str, etree._Element] = {}
    references: dict[etree._Element, list[str]] = {}
    sheets, images = [], []
    for element in elements:
        _check_element(element, logo)
        for name, value in element.attrib.items():
            local = etree.QName(name).localname
            if local == "id":
                if ids.get(value, element) is not element:
                    raise ValueError(f"'{logo}' has two elements of id '{value}' (lines {ids[value].sourceline} and "
                                     f"{element.sourceline}); give each its own id")
                ids[value] = element
            references.setdefault(element, []).extend(_references(local, value, logo, images))
        if etree.QName(element).localname == "style":
            sheets.append(element.text or "")
            references.setdefault(element, []).extend(_css(element.text or "", logo))
    for element, names in references.items():
        for name in names:
            if name not in ids:
                raise ValueError(f"'{logo}', line {element.sourceline}: a reference to #{name}, which no element has; "
                                 "give the element that id or drop the reference")
    _expand(root, ids, references, logo, len(elements))
    width, height = svg_size.of(root, sheets, logo)
    return Drawing(width, height, images)


def _parse(data: bytes, logo: str) -> etree._Element:
    try:
        text = textfiles.decode_utf8(data)
    except textfiles.NotUtf8 as exc:
        raise ValueError(f"'{logo}' is not UTF-8: byte 0x{exc.byte:02X} at offset {exc.offset} (line {exc.line}) "
                         "is not UTF-8; save it as UTF-8") from None
    declared = DECLARED_ENCODING.match(text)
    if declared and declared.group(1).upper().replace("_", "-") not in ("UTF-8", "UTF8"):
        raise ValueError(f"'{logo}' declares encoding '{declared.group(1)}'; save it as UTF-8 and declare "
                         "encoding=\"UTF-8\" (or no encoding)")
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"'{logo}' is not well-formed XML ({exc.msg}); re-export it as SVG") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise ValueError(f"'{logo}' declares a DOCTYPE or entities; re-export it as plain SVG")
    for node in chain(root.itersiblings(preceding=True), root.itersiblings(), root.iter()):
        if isinstance(node, (etree._ProcessingInstruction, etree._Entity)):
            raise ValueError(f"'{logo}', line {node.sourceline}: a processing instruction or entity; "
                             "re-export it as plain SVG")
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValueError(f"'{logo}' is not an SVG document (its root is <{etree.QName(root).localname}>, not "
                         f"<svg xmlns=\"{SVG_NS}\">); re-export it as SVG")
    return root


def _check_element(element: etree._Element, logo: str) -> None:
    name = etree.QName(element)
    foreign = name.namespace not in (None, SVG_NS)
    svg_name = name.localname in SVG_ONLY or name.localname.startswith("fe")
    if name.localname in ALLOWED or (foreign and not svg_name):
        return
    if name.localname == "script":
        raise ValueError(f"'{logo}', line {element.sourceline}: a <script>; a logo runs nothing: drop it")
    raise ValueError(f"'{logo}', line {element.sourceline}: a <{name.localname}>, which a logo may not use (shapes, "
                     "text, gradients, clips, masks and PNG or JPEG images only); flatten it or export the logo as PNG")


def _references(local: str, value: str, logo: str, images: list) -> list[str]:
    """The ids an attribute refers to; refused when it refers to anything outside the file."""
    if local.startswith("on"):
        raise ValueError(f"'{logo}': an event handler ({local}); a logo runs nothing: drop it")
    if local == "filter" and value.strip() != "none":
        raise ValueError(f"'{logo}': a filter; filters are not drawn in logos: flatten it or export the logo as PNG")
    if local in ("href", "src"):
        target = value.strip()
        if target.startswith("#"):
            return [target[1:]]
        embedded = DATA.fullmatch(target)
        if embedded:
            images.append(_image(embedded, logo))
            return []
        if target.lower().startswith("data:"):
            raise ValueError(f"'{logo}' embeds data the house does not draw in a logo ({target[:30]}…); embed "
                             "images as data:image/png;base64 or data:image/jpeg;base64 only")
        raise ValueError(f"'{logo}' refers to a file or address outside itself (an href, src, url() or @import); "
                         "embed the image as a PNG or JPEG data: URL or drop the reference")
    return _css(value, logo) if local == "style" or "url(" in value.lower() else []


def _image(embedded: re.Match, logo: str) -> tuple[str, bytes]:
    try:
        return embedded.group(1).upper(), base64.b64decode("".join(embedded.group(2).split()), validate=True)
    except binascii.Error:
        raise ValueError(f"'{logo}' embeds an image whose base64 is broken; re-export it") from None


def _css(text: str, logo: str) -> list[str]:
    """The ids a style sheet or a style attribute refers to; refused when it refers outside the file."""
    if "\\" in text:
        raise ValueError(f"'{logo}': a CSS escape (a backslash) in its styles; write the styles plainly")
    if FILTER.search(text):
        raise ValueError(f"'{logo}': a filter; filters are not drawn in logos: flatten it or export the logo as PNG")
    found = [m.group(2).strip() for m in URL.finditer(text)]
    unread = len(found) != text.lower().count("url(")  # a url( the pattern could not read: refused, not guessed
    if "@import" in text.lower() or unread or any(not f.startswith("#") for f in found):
        raise ValueError(f"'{logo}' refers to a file or address outside itself (an href, src, url() or @import); "
                         "embed the image or drop the reference")
    return [f[1:] for f in found]


def _expand(root: etree._Element, ids: dict, references: dict, logo: str, elements: int) -> None:
    """Refuse a drawing whose references, followed, draw more than MAX_EXPANDED elements or
    MAX_DRAWN_BYTES of path data, text and other attributes, nest more than MAX_DEPTH deep, or loop.
    A style sheet's references may apply to every element (`elements`, in the file): counted so."""
    drawn: dict[etree._Element, tuple[int, int, int]] = {}  # element -> (elements, bytes, depth below)
    open_: set = set()

    def visit(element: etree._Element, depth: int) -> tuple[int, int, int]:
        if element not in drawn:
            if depth > MAX_DEPTH:
                raise ValueError(f"'{logo}' nests elements more than {MAX_DEPTH} deep (line {element.sourceline}), "
                                 "counting what <use> draws; flatten its groups")
            open_.add(element)
            count, size, below = 1, _own_bytes(element), 0
            sheet = etree.QName(element).localname == "style"
            targets = [(child, 1) for child in element.iterchildren(etree.Element)]
            targets += [(ids[name], elements if sheet else 1) for name in references.get(element, ())]
            for target, times in targets:
                if target in open_ and not sheet:
                    raise ValueError(f"'{logo}', line {element.sourceline}: a reference cycle (#{target.get('id')} "
                                     "contains what refers to it); drop the <use> or reference that loops")
                if target in open_:
                    continue
                more, more_size, more_below = visit(target, depth + 1)
                count, size, below = count + times * more, size + times * more_size, max(below, more_below + 1)
                if count > MAX_EXPANDED or size > MAX_DRAWN_BYTES:
                    raise ValueError(f"'{logo}' draws more than {MAX_EXPANDED} elements or "
                                     f"{MAX_DRAWN_BYTES // 1024} KB of shapes and text once its <use> references are followed; simplify it or "
                                     "export it as PNG")
            open_.discard(element)
            drawn[element] = count, size, below
        if depth + drawn[element][2] > MAX_DEPTH:
            raise ValueError(f"'{logo}' nests elements more than {MAX_DEPTH} deep, counting what <use> draws; "
                             "flatten its groups")
        return drawn[element]

    visit(root, 1)


def _own_bytes(element: etree._Element) -> int:
    return len(element.text or "") + len(element.tail or "") + sum(len(k) + len(v) for k, v in element.attrib.items())
