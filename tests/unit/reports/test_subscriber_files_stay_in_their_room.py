"""Defects 4 and 5 of issue 14: subscriber files cannot reach outside their room. A delivery is one
folder name of its own; a logo is a PNG, JPEG or SVG inside the subscribers' folder, small, and an
SVG refers to nothing outside itself; WeasyPrint reads only the house's templates, fonts and logo."""

from __future__ import annotations

import pytest
import weasyprint

from reports.delivery import subscribers
from reports.delivery.subscribers import SubscriberError
from reports.rendering.pdf import ProjectFetcher
from templates import FOLDER as TEMPLATES
from tests.conftest import blank_png
from tests.unit.reports.test_subscribers import variant

LOGO = "logos/acme-analytics.svg"


@pytest.mark.parametrize("delivery", ["/tmp/elsewhere", "../../..", "..", "a/b", "out/../x", ".hidden", ""])
def test_defect_4_delivery_is_one_folder_name(tmp_path, delivery):
    path = variant(tmp_path, ("delivery: acme-analytics", f"delivery: '{delivery}'"))
    with pytest.raises(SubscriberError, match=r", line 17: key 'delivery': .* is not a single folder name"):
        subscribers.load(path)


def test_defect_4_two_subscribers_never_share_a_delivery_folder(tmp_path):
    variant(tmp_path)
    other = variant(tmp_path, ("id: acme-analytics", "id: acme-two"), name="acme-two")
    with pytest.raises(SubscriberError) as raised:
        subscribers.load_all(other.parent)
    assert str(raised.value).startswith(f"{other}, line 17: key 'delivery': 'acme-analytics' is already the "
                                        "delivery folder of acme-analytics")


def _logo(tmp_path, name: str, data: bytes):
    path = variant(tmp_path, (LOGO, name))
    (path.parent / name).parent.mkdir(parents=True, exist_ok=True)
    (path.parent / name).write_bytes(data)
    return path


SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
       'height="10">{}</svg>')
BAD_LOGOS = {
    "outside the folder": ("/etc/passwd", None, "is outside the folder of the file"),
    "up and out": ("../../../../etc/passwd", None, "is outside the folder of the file"),
    "procfs": ("/proc/self/environ", None, "is outside the folder of the file"),
    "not an image": ("logos/notes.txt", b"hello", "is not a PNG, JPEG or SVG file"),
    "a PNG that is not": ("logos/fake.png", b"GIF89a......", "is not a readable PNG image"),
    "too many bytes": ("logos/big.png", b"\x89PNG" + b"\0" * 1_100_000, "more than the 1024 KB"),
    "a pixel bomb": ("logos/bomb.png", blank_png(30000, 30000), "more pixels than 4096×4096"),
    "an SVG fetching a URL": ("logos/u.svg", SVG.format('<image href="http://example.com/x.png"/>').encode(),
                              "refers to a file or address outside itself"),
    "an SVG embedding a file": ("logos/f.svg", SVG.format('<image xlink:href="file:///etc/passwd"/>').encode(),
                                "refers to a file or address outside itself"),
    "an SVG with CSS import": ("logos/c.svg", SVG.format('<style>@import "http://x/y.css";</style>').encode(),
                               "refers to a file or address outside itself"),
    "an SVG with entities": ("logos/e.svg", b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                             + SVG.format("&x;").encode(), "declares a DOCTYPE or entities"),
    "an SVG pixel bomb": ("logos/b.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="30000" height="30000"/>',
                          "30000×30000 pixels: more than 4096×4096"),
    "a wide PNG": ("logos/wide.png", blank_png(5000, 10), "5000×10 pixels: more than 4096×4096"),
}


@pytest.mark.parametrize("name, data, message", BAD_LOGOS.values(), ids=list(BAD_LOGOS))
def test_defect_5_logos_stay_inside_and_small(tmp_path, name, data, message):
    path = _logo(tmp_path, name, data) if data is not None else variant(tmp_path, (LOGO, name))
    with pytest.raises(SubscriberError) as raised:
        subscribers.load(path)
    assert str(raised.value).startswith(f"{path}, line 9: key 'branding.logo': ")
    assert message in str(raised.value)


def test_defect_5_a_symlinked_logo_leading_out_is_refused(tmp_path):
    path = variant(tmp_path, (LOGO, "logos/link.svg"))
    (path.parent / "logos" / "link.svg").symlink_to("/etc/passwd")
    with pytest.raises(SubscriberError, match="is outside the folder of the file"):
        subscribers.load(path)


def test_defect_5_weasyprint_fetches_only_templates_fonts_and_the_logo(tmp_path):
    logo = subscribers.folder() / LOGO
    fetcher = ProjectFetcher(logo)
    assert fetcher.fetch(f"file://{logo}").read()
    font = next(TEMPLATES.glob("fonts/*/*.ttf"))
    assert fetcher.fetch(font.as_uri()).read()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", f"file://{TEMPLATES}/../pyproject.toml"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    # A document asking for an outside file gets nothing: the image is left out, the text is kept.
    secret = tmp_path / "secret.png"
    secret.write_bytes(blank_png(50, 50))
    html = f'<p>cover</p><img src="{secret.as_uri()}">'
    plain = weasyprint.HTML(string=html).render()
    guarded = weasyprint.HTML(string=html, url_fetcher=fetcher).render()
    assert len(plain.write_pdf()) > len(guarded.write_pdf())
