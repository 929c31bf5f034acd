"""Issue 20: no subscriber or client file can stop the quarter. A logo is refused when it would draw
more pixels than the renderers may allocate (in any unit), when its references expand past a bound,
when it is not UTF-8; a subscriber file when it names a delivery folder the run writes itself, is not
UTF-8, hides characters in a name, gives a key twice, is misnamed .yml, is too large, or is named by
an id that leads out of its folder. Each through the real loader or the real `subscribers validate`."""

from __future__ import annotations

import pytest

from reports.delivery import clients, subscribers
from reports.delivery.subscribers import SubscriberError
from tests.conftest import blank_png, in_process
from tests.unit.reports.test_clients import variant as client_variant
from tests.unit.reports.test_subscribers import variant

NS = 'xmlns="http://www.w3.org/2000/svg"'
LOGO = "logos/acme-analytics.svg"


def validate(location, folder) -> list[str]:
    """The lines `benchhouse subscribers validate` prints for that folder; it must exit 1."""
    done = in_process(location, "subscribers", "validate", check=False, env={"BENCHHOUSE_SUBSCRIBERS": str(folder)})
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 1, done.stderr
    assert lines and all(line.startswith("error: ") for line in lines) and "Traceback" not in done.stderr, done.stderr
    return lines


def with_logo(tmp_path, text: str | bytes, name: str = "logos/l.svg"):
    """A good subscriber file whose logo is `text`."""
    path = variant(tmp_path, (LOGO, name))
    (path.parent / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def bomb(levels: int, uses: int, symbol: bool = False) -> str:
    """`levels` nested groups, each of `uses` <use> of the level below: uses**levels elements drawn."""
    tag = "symbol" if symbol else "g"
    parts = ['<rect id="l0" width="1" height="1"/>']
    parts += [f'<{tag} id="l{i}">' + f'<use href="#l{i - 1}"/>' * uses + f"</{tag}>" for i in range(1, levels + 1)]
    return f'<svg {NS} width="100" height="100"><defs>{"".join(parts)}</defs><use href="#l{levels}"/></svg>'


@pytest.mark.parametrize("size, drawn", [
    ('width="1000in" height="1000in"', "96000×96000 pixels"),
    ('width="300cm" height="1cm"', "11339×38 pixels"),
    ('width="2000mm" height="10mm"', "7559×38 pixels"),
    ('width="800pt" height="800pt"', "1067×1067 pixels"),
    ('width="100pc" height="1pc"', "1600×16 pixels"),
    ('width="5000Q" height="40Q"', "4724×100 pixels"),
    ('width="100em" height="1em"', "1600×16 pixels"),
    ('width="300ex" height="1ex"', "2400×8 pixels"),
    ('width="1e9" height="1e9"', "1000000000×1000000000 pixels"),
    ('viewBox="0 0 100000 100000"', "100000×100000 pixels"),
    ('width="1000%" height="100%" viewBox="0 0 500 10"', "5000×10 pixels"),
    ('width="2000"', "2000×100 pixels"),
    ('width="1025" height="1"', "1025×1 pixels"),
])
def test_issue_20_defect_3_a_logo_drawn_larger_than_the_renderer_may_allocate_is_refused(tmp_path, location, size,
                                                                                          drawn):
    path = with_logo(tmp_path, f"<svg {NS} {size}/>")
    (line,) = validate(location, path.parent)
    assert line.startswith(f"error: {path}, line 9: key 'branding.logo': 'logos/l.svg' is {drawn}: more than "
                           "4096×4096 once the deck draws it 4 times larger"), line


@pytest.mark.parametrize("size, problem", [
    ('width="NaN" height="10"', 'width="NaN": not a length'),
    ('width="1e999" height="10"', 'width="1e999": not a length'),
    ('width="-10" height="10"', 'width="-10": not a length'),
    ('width="10" height="0"', 'height="0": not a length'),
    ('width="ten" height="10"', 'width="ten": not a length'),
    ('width="10PX" height="10" viewBox="0 0 100000 10"', 'width="10PX": not a length'),
    ('viewBox="0 0 10"', 'viewBox="0 0 10": not four numbers'),
    ('viewBox="0 0 10 10 10"', 'viewBox="0 0 10 10 10": not four numbers'),
    ('viewBox="0 0 -10 10"', 'viewBox="0 0 -10 10": not four numbers'),
    ('viewBox="0 0 inf 10"', 'viewBox="0 0 inf 10": not four numbers'),
])
def test_issue_20_defect_3_a_size_that_is_not_a_length_is_refused(tmp_path, size, problem):
    path = with_logo(tmp_path, f"<svg {NS} {size}/>")
    with pytest.raises(SubscriberError, match=problem):
        subscribers.load(path)


@pytest.mark.parametrize("size", ['width="1024" height="1024"', 'width="10.6in" height="1in"', 'viewBox="0 0 360 96"',
                                  'width="27cm" height="50mm"', 'width="60em" height="3ex"', 'width="50%" viewBox="0 0 2000 96"'])
def test_a_logo_up_to_the_limit_validates_and_the_deck_draws_it_within_the_limit(tmp_path, size):
    from PIL import Image
    import io

    from reports.delivery import logos
    from reports.rendering.deck import logo_png

    path = with_logo(tmp_path, f"<svg {NS} {size}/>")
    subscriber = subscribers.load(path)
    with Image.open(io.BytesIO(logo_png(subscriber.logo_path))) as drawn:
        assert max(drawn.size) <= logos.MAX_SIDE and drawn.size[0] * drawn.size[1] <= logos.MAX_PIXELS


@pytest.mark.parametrize("size", ['width="10" height="20"', 'width="1in" height="2cm"', 'width="72pt" height="6pc"',
                                  'width="25.4mm" height="101.6Q"', 'width="10em" height="10ex"', 'viewBox="0 0 30 40"',
                                  'width="50%" height="200%" viewBox="0 0 30 40"', 'width="60" viewBox="0 0 30 40"',
                                  'width="60"', ""])
def test_the_size_a_logo_is_checked_at_is_the_size_the_deck_draws(tmp_path, size):
    """Cross-check with the renderer itself: the size counted, times the scale the deck draws at, is
    the PNG the deck makes; where the renderer's reading is not the only one (Q, which it does not
    know; em and ex, for which it takes a smaller font than CSS's), the larger is counted."""
    from PIL import Image
    import io

    from reports.delivery import logos, svg
    from reports.rendering.deck import logo_png

    path = with_logo(tmp_path, f"<svg {NS} {size}/>")
    drawing = svg.read(path.parent.joinpath("logos/l.svg").read_bytes(), "l.svg")
    with Image.open(io.BytesIO(logo_png(path.parent / "logos/l.svg"))) as drawn:
        width, height = drawn.size
    exact = not any(unit in size for unit in ("Q", "em", "ex"))
    for side, counted in ((width, drawing.width), (height, drawing.height)):
        assert side <= counted * logos.SVG_SCALE + 1 and (side >= counted * logos.SVG_SCALE - 1 or not exact)


@pytest.mark.parametrize("text, problem", [
    (bomb(9, 10), "draws more than 10000 elements"),
    (bomb(9, 10).replace("href=", "xlink:href=").replace(NS, f'{NS} xmlns:xlink="http://www.w3.org/1999/xlink"'),
     "draws more than 10000 elements"),
    (bomb(3, 30, symbol=True), "draws more than 10000 elements"),
    (f'<svg {NS} width="10" height="10"><defs><rect id="a0" width="1" height="1"/>'
     + "".join(f'<use id="a{i}" href="#a{i - 1}"/>' for i in range(1, 40)) + '</defs><use href="#a39"/></svg>',
     "nests elements more than 32 deep"),
    (f'<svg {NS} width="10" height="10">' + "<g>" * 40 + "</g>" * 40 + "</svg>", "nests elements more than 32 deep"),
    (f'<svg {NS} width="10" height="10"><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>',
     "a reference cycle"),
    (f'<svg {NS} width="10" height="10"><g id="a"><use href="#a"/></g></svg>', "a reference cycle"),
    (f'<svg {NS} width="10" height="10"><use href="#nowhere"/></svg>', "a reference to #nowhere, which no element has"),
    (f'<svg {NS} width="10" height="10">' + "<rect/>" * 5001 + "</svg>", "has 5002 elements, more than the 5000"),
    (f'<svg {NS} width="10" height="10"><defs><path id="p" d="M0 0{" L1 1" * 100_000}"/></defs>'
     + '<use href="#p"/>' * 4 + "</svg>", "or 2048 KB of shapes and text"),
])
def test_issue_20_defect_4_what_references_expand_to_is_bounded(tmp_path, location, text, problem):
    path = with_logo(tmp_path, text)
    (line,) = validate(location, path.parent)
    assert line.startswith(f"error: {path}, line 9: key 'branding.logo': 'logos/l.svg'") and problem in line, line


@pytest.mark.parametrize("data, problem", [
    (f'<svg {NS} width="10" height="10"><text>caf\xe9</text></svg>'.encode("latin-1"),
     "is not UTF-8: byte 0xE9 at offset 72 (line 1) is not UTF-8; save it as UTF-8"),
    (f'<svg {NS} width="10" height="10"/>'.encode("utf-16"),
     "is not UTF-8: byte 0xFF at offset 0 (line 1) is not UTF-8; save it as UTF-8"),
    (f'<?xml version="1.0" encoding="ISO-8859-1"?>\n<svg {NS} width="10" height="10"/>'.encode(),
     "declares encoding 'ISO-8859-1'; save it as UTF-8"),
])
def test_issue_20_low_an_svg_logo_that_is_not_utf8_is_refused(tmp_path, location, data, problem):
    path = with_logo(tmp_path, data)
    (line,) = validate(location, path.parent)
    assert line.startswith(f"error: {path}, line 9: key 'branding.logo': 'logos/l.svg'") and problem in line, line


@pytest.mark.parametrize("delivery", ["manifest.json", "Manifest.JSON", "Acme", "acme_analytics", "a.b"])
def test_issue_20_defect_5_a_delivery_folder_is_a_slug_never_a_name_the_run_writes(tmp_path, location, delivery):
    path = variant(tmp_path, ("delivery: acme-analytics", f"delivery: '{delivery}'"))
    (line,) = validate(location, path.parent)
    assert line.startswith(f"error: {path}, line 17: key 'delivery': '{delivery}' is not a single folder name"), line


@pytest.mark.parametrize("encoding, line_number, byte, client_line, client_byte",
                         [("latin-1", 3, "0xE9", 4, "0xE4"), ("utf-16", 1, "0xFF", 1, "0xFF")])
def test_issue_20_low_a_subscriber_or_client_file_not_in_utf8_is_one_line(tmp_path, location, encoding, line_number,
                                                                           byte, client_line, client_byte):
    path = variant(tmp_path, ("company: Acme Analytics", "company: Acmé Analytics"))
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    (line,) = validate(location, path.parent)
    assert line == f"error: {path}, line {line_number}: byte {byte} is not UTF-8; save the file as UTF-8"
    client = client_variant(tmp_path, ("company: Fabrikam Insurance", "company: Fabrikäm Insurance"))
    client.write_bytes(client.read_text(encoding="utf-8").encode(encoding))
    with pytest.raises(clients.ClientError) as raised:
        clients.load(client)
    assert str(raised.value) == f"{client}, line {client_line}: byte {client_byte} is not UTF-8; save the file as UTF-8"


@pytest.mark.parametrize("old, new, key, line_number", [
    ("company: Acme Analytics", 'company: "Acme \\u202EscitylanA"', "company", 3),
    ("company: Acme Analytics", 'company: "\\u202E\\u2066\\u200B"', "company", 3),
    ("company: Acme Analytics", 'company: "\\uFEFFAcme"', "company", 3),
    ("company: Acme Analytics", 'company: "Acme\\u2028Analytics"', "company", 3),
    ("company: Acme Analytics", 'company: "- . -"', "company", 3),
    ("name: Dana Whitfield", 'name: "Dana\\u200FWhitfield"', "contacts.0.name", 25),
    ("email: dana.whitfield@acme-analytics.example", 'email: "dana\\u202E@acme-analytics.example"',
     "contacts.0.email", 26),
    ("description: the analytics assistant in Acme's product", 'description: "the \\u2067assistant"',
     "workload.description", 19),
])
def test_issue_20_low_names_hold_no_invisible_characters_and_a_letter(tmp_path, old, new, key, line_number):
    path = variant(tmp_path, (old, new))
    with pytest.raises(SubscriberError) as raised:
        subscribers.load(path)
    assert str(raised.value).startswith(f"{path}, line {line_number}: key '{key}': "), raised.value


def test_issue_20_low_a_clients_company_holds_no_invisible_characters(tmp_path):
    path = client_variant(tmp_path, ("company: Fabrikam Insurance", 'company: "\\u202EFabrikam"'))
    with pytest.raises(clients.ClientError, match=r", line 4: key 'company': contains U\+202E \(RIGHT-TO-LEFT OVERRIDE\)"):
        clients.load(path)


@pytest.mark.parametrize("old, new, message", [
    ("delivery: acme-analytics", "delivery: acme-analytics\ndelivery: elsewhere",
     "line 18: key 'delivery' is given twice (lines 17 and 18); keep one"),
    ("  primary: \"#1F3A5F\"", "  primary: \"#1F3A5F\"\n  primary: \"#000000\"",
     "line 11: key 'primary' is given twice (lines 10 and 11); keep one"),
])
def test_issue_20_low_a_key_given_twice_is_refused(tmp_path, location, old, new, message):
    path = variant(tmp_path, (old, new))
    (line,) = validate(location, path.parent)
    assert line == f"error: {path}, {message}", line


def test_a_key_given_twice_on_one_line_is_refused(tmp_path):
    path = variant(tmp_path, ("  tokens_per_request:\n    input: 2500\n    output: 600\n",
                              "  tokens_per_request: {input: 2500, output: 600, input: 1}\n"))
    with pytest.raises(SubscriberError) as raised:
        subscribers.load(path)
    assert str(raised.value) == f"{path}, line 21: key 'input' is given twice (lines 21 and 21); keep one"


def test_issue_20_low_a_key_given_twice_in_a_client_file_is_refused(tmp_path):
    path = client_variant(tmp_path, ("failures_shown: 5", "failures_shown: 5\nfailures_shown: 20"))
    with pytest.raises(clients.ClientError, match=r", line 12: key 'failures_shown' is given twice \(lines 11 and 12\)"):
        clients.load(path)


def test_yaml_stays_safe_anchors_load_and_a_billion_laughs_is_refused_at_once(tmp_path):
    good = variant(tmp_path, ("branding:\n", "branding: &brand\n"))
    assert subscribers.load(good).branding.primary == "#1F3A5F"
    unsafe = variant(tmp_path, ("tier: enterprise", "tier: !!python/object/apply:os.getpid []"))
    with pytest.raises(SubscriberError, match="line 5: not valid YAML"):
        subscribers.load(unsafe)
    models = "focus_models:\n  - gpt-5-2025-08-07\n  - claude-sonnet-4-5-20250929\n  - gemini-2.5-pro\n"
    levels = ["&a [" + ", ".join(["x"] * 9) + "]"]
    levels += [f"&{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]  # 9**9 leaves
    laughs = variant(tmp_path, (models, f"focus_models: [{', '.join(levels)}]\n"))
    with pytest.raises(SubscriberError, match="key 'focus_models.0'"):
        subscribers.load(laughs)


@pytest.mark.parametrize("suffix", [".yml", ".YAML"])
def test_issue_20_low_a_yml_file_is_refused_not_ignored(tmp_path, location, suffix):
    path = variant(tmp_path)
    misnamed = path.rename(path.with_suffix(suffix))
    (line,) = validate(location, path.parent)
    assert line == f"error: {misnamed}: the name ends in {suffix}, so the file would be ignored; rename it to " \
                   "acme-analytics.yaml", line
    client = client_variant(tmp_path, ("failures_shown: 5", "failures_shown: 5"))
    client.rename(client.with_suffix(suffix))
    with pytest.raises(clients.ClientError, match=f"the name ends in {suffix}, so the file would be ignored"):
        clients.load_all(client.parent)
    with pytest.raises(clients.ClientError, match=f"rename it to {client.name}"):
        clients.load_id(client.stem, client.parent)


def test_every_file_of_the_folder_gets_its_line_and_the_good_ones_are_read(tmp_path):
    good = variant(tmp_path)
    variant(tmp_path, ("id: acme-analytics", "id: globex"), name="globex")
    misnamed = variant(tmp_path, ("id: acme-analytics", "id: initech"), name="initech")
    misnamed = misnamed.rename(misnamed.with_suffix(".yml"))
    found, problems = subscribers.read_folder(good.parent)
    assert [s.id for s in found] == ["acme-analytics"]
    assert [path.name for path, _ in problems] == ["globex.yaml", "initech.yml"]
    assert "key 'delivery': 'acme-analytics' is already the delivery folder of acme-analytics" in problems[0][1]
    assert "rename it to initech.yaml" in problems[1][1]


def test_issue_20_low_a_subscriber_file_over_64_kib_is_refused_before_it_is_read(tmp_path, location):
    path = variant(tmp_path)
    path.write_text(path.read_text() + ("# padding\n" * 10_000))
    (line,) = validate(location, path.parent)
    assert line == f"error: {path}: {path.stat().st_size} bytes, more than the 64 KiB a file may be; is it the right file?", line
    fifo = variant(tmp_path, name="fifo")
    fifo.unlink()
    import os

    os.mkfifo(fifo)  # a read would block forever: refused on its stat alone
    with pytest.raises(SubscriberError, match="not a regular file"):
        subscribers.load(fifo)


def test_issue_20_low_a_subscriber_id_is_a_slug_before_it_becomes_a_path(tmp_path):
    # A valid subscriber file outside the subscribers' folder, reachable as ../elsewhere/<id>.
    (tmp_path / "elsewhere").mkdir()
    outside = variant(tmp_path / "elsewhere")
    folder = variant(tmp_path).parent
    for wanted in (f"../elsewhere/subscribers/{outside.stem}", str(outside.with_suffix("")), "Acme", "a" * 300):
        with pytest.raises(SubscriberError, match="is not a subscriber id: use lowercase letters, digits and hyphens"):
            subscribers.load_id(wanted, folder)


def test_issue_20_low_report_build_reads_no_file_outside_the_subscribers_folder(tmp_path, location):
    done = in_process(location, "report", "build", "smile-curve", "--subscriber", "../clients/fabrikam-insurance",
                      "--period", "2026Q3", "--out", str(tmp_path / "out"), check=False,
                      env={"BENCHHOUSE_SUBSCRIBERS": str(subscribers.folder())})
    assert done.returncode == 1
    assert done.stderr.strip() == "error: '../clients/fabrikam-insurance' is not a subscriber id: use lowercase " \
                                  "letters, digits and hyphens, e.g. acme-analytics", done.stderr


def _png_data(width: int, height: int) -> str:
    import base64

    return "data:image/png;base64," + base64.b64encode(blank_png(width, height)).decode()


@pytest.mark.parametrize("href, problem", [
    (_png_data(5000, 10), "an image embedded in 'logos/l.svg' is 5000×10 pixels: more than 4096×4096"),
    (_png_data(30000, 30000), "an image embedded in 'logos/l.svg' has more pixels than 4096×4096"),
    ("data:image/svg+xml;base64,PHN2Zy8+", "embeds data the house does not draw in a logo"),
])
def test_issue_20_defect_3_an_image_embedded_in_an_svg_logo_is_held_to_the_same_limits(tmp_path, href, problem):
    path = with_logo(tmp_path, f'<svg {NS} width="10" height="10"><image width="10" height="10" href="{href}"/></svg>')
    with pytest.raises(SubscriberError) as raised:
        subscribers.load(path)
    assert str(raised.value).startswith(f"{path}, line 9: key 'branding.logo': ") and problem in str(raised.value)


def test_a_subscribers_folder_that_does_not_exist_is_an_error_not_an_empty_quarter(tmp_path, location):
    (line,) = validate(location, tmp_path / "nowhere")
    assert line == f"error: {tmp_path / 'nowhere'}: no such folder of subscriber files; create it or set " \
                   "BENCHHOUSE_SUBSCRIBERS to the folder that holds them", line


@pytest.mark.parametrize("old, new, shown", [
    ("reports: [cost-to-run,", 'reports: ["cost-to-run\\nerror: forged",', "report 'cost-to-run\\u000Aerror: forged' is not"),
    ("logos/acme-analytics.svg", '"logos/acme\\u202E.svg"', "key 'branding.logo': contains U+202E"),
])
def test_a_value_with_a_newline_or_an_invisible_character_is_shown_on_one_line(tmp_path, location, old, new, shown):
    path = variant(tmp_path, (old, new))
    (line,) = validate(location, path.parent)
    assert shown in line, line
