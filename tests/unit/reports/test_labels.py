"""Label placement: whatever the points, a placed label covers no other label and no point and
stays inside the plot; the labels that matter most are placed first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.rendering.labels import Box, place, text_width

WIDTH, HEIGHT, SIZE, RADIUS = 600, 370, 10, 3.7
coordinate = st.tuples(st.floats(0, WIDTH), st.floats(0, HEIGHT))
name = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ()-.0123456789", min_size=1, max_size=24)


@settings(max_examples=60, deadline=None)
@given(points=st.lists(coordinate, min_size=1, max_size=60), data=st.data())
def test_placed_labels_cover_nothing(points, data):
    chosen = data.draw(st.lists(st.integers(0, len(points) - 1), unique=True, max_size=min(len(points), 25)))
    labels = [(points[i][0], points[i][1], data.draw(name)) for i in chosen]
    placed, left_out = place(labels, points, WIDTH, HEIGHT, "Inter", SIZE, RADIUS)
    assert sorted([p.index for p in placed] + left_out) == list(range(len(labels)))
    for i, a in enumerate(placed):
        assert a.box.inside(WIDTH, HEIGHT)
        assert a.box.right - a.box.left >= text_width(labels[a.index][2], "Inter", SIZE)
        assert not any(a.box.overlaps(b.box) for b in placed[i + 1:])
        assert not any(a.box.hits_circle(x, y, RADIUS) for x, y in points)


def test_a_label_moves_off_its_neighbours_point_and_away_from_an_obstacle():
    points = [(100, 100), (130, 100)]  # a label to the right of the first would cover the second
    placed, _ = place([(100, 100, "first model")], points, WIDTH, HEIGHT, "Inter", SIZE, RADIUS,
                      obstacles=[Box(0, 0, 99, 99)])
    (label,) = placed
    assert not label.box.hits_circle(130, 100, RADIUS) and not label.box.overlaps(Box(0, 0, 99, 99))


def test_the_first_in_priority_gets_the_nearest_spot():
    points = [(300, 200), (300, 200)]
    labels = [(300, 200, "other"), (300, 200, "focus")]
    placed, _ = place(labels, points, WIDTH, HEIGHT, "Inter", SIZE, RADIUS, priority=[1, 0])
    focus, other = placed[1], placed[0]
    assert not focus.leader and focus.box.left > 300  # right of its point, the first candidate
    assert other.box.left < 300 or other.leader


def test_a_label_with_no_room_is_left_out_not_drawn_over_something():
    crowd = [(x, y) for x in range(0, 40, 4) for y in range(0, 40, 4)]
    placed, left_out = place([(20, 20, "a long label that cannot fit anywhere here")], crowd, 40, 40, "Inter",
                             SIZE, RADIUS)
    assert (placed, left_out) == ([], [0])


def test_a_deck_drops_the_characters_xml_cannot_hold_and_keeps_markup_as_text(tmp_path):
    """A client's note or task id may hold a control character; python-pptx would refuse it and stop the
    deck. Markup stays text."""
    from pptx import Presentation

    from reports.rendering.deck import Deck
    from reports.rendering.theme import Brand

    deck = Deck(Brand("#1F3A5F", "#E07A1F"), "Client", "Confidential")
    deck.table("Notes \x07", ["Model", "Note"], [["A\x00", "<b>bold</b>\x1b ok"]], [3, 3])
    deck.save(tmp_path / "d.pptx", __import__("datetime").datetime(2026, 9, 30), "t")
    slide = Presentation(tmp_path / "d.pptx").slides[0]
    assert slide.shapes.title.text == "Notes "
    texts = [shape.table.cell(1, 1).text for shape in slide.shapes if shape.has_table]
    assert texts == ["<b>bold</b> ok"]


def test_a_long_slide_title_is_set_smaller_to_stay_on_one_line_above_the_rule(tmp_path):
    """A title that wrapped ran its second line under the accent rule beneath it (the deployment
    deck's 'Llama 3-70B (meta-llama-3-70b-instruct): speed by provider')."""
    from pptx import Presentation

    from reports.rendering.deck import Deck
    from reports.rendering.labels import text_width
    from reports.rendering.theme import DECK_TEXT, Brand

    short, long = "Findings", "Llama 3.3 70B (llama-3.3-70b-instruct): price against output speed"
    brand = Brand("#1F3A5F", "#E07A1F")
    deck = Deck(brand, "Client", "Confidential")
    deck.bullets(short, ["one"])
    deck.bullets(long, ["two"])
    deck.save(tmp_path / "d.pptx", __import__("datetime").datetime(2026, 9, 30), "t")
    sizes = {}
    for slide in Presentation(tmp_path / "d.pptx").slides:
        title = slide.shapes.title
        (run,) = title.text_frame.paragraphs[0].runs
        sizes[title.text] = run.font.size.pt
        # on one line in the brand font's bold face, and in a fallback 15% wider (deck.FALLBACK_WIDER)
        assert text_width(title.text, brand.font, run.font.size.pt, "bold") * 1.15 < title.width / 12700 - 14.4
    assert sizes[short] == DECK_TEXT["title"]
    assert DECK_TEXT["title_smallest"] <= sizes[long] < DECK_TEXT["title"]


def test_a_note_of_several_lines_ends_above_the_footer_and_has_room_for_each_line(tmp_path):
    """A note under a table ran its second and third lines into the footer (cost to run's 'Your workload'
    slide, once its note said how an alternative's tokens are scaled)."""
    from pptx import Presentation

    from reports.rendering.deck import Deck
    from reports.rendering.labels import text_width
    from reports.rendering.theme import DECK_TEXT, Brand

    brand = Brand("#1F3A5F", "#E07A1F")
    notes = {"short": "One line.", "long": " ".join(["A note that runs on and on, over several lines."] * 12)}
    deck = Deck(brand, "Client", "Confidential", disclosure="Demonstration data.")
    for title, note in notes.items():
        deck.table(title, ["Model", "Month"], [["A", "$1"]], [3, 3], note=note)
    deck.save(tmp_path / "d.pptx", __import__("datetime").datetime(2026, 9, 30), "t")
    for slide in Presentation(tmp_path / "d.pptx").slides:
        boxes = {shape.text_frame.text: shape for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text}
        note, footer = boxes[notes[slide.shapes.title.text]], next(b for t, b in boxes.items() if "Confidential" in t)
        assert note.top + note.height <= footer.top
        room_pt = note.width / 12700 - 14.4  # less the text frame's margins, 0.1 in a side
        lines = -(-text_width(note.text_frame.text, brand.font, DECK_TEXT["note"]) * 1.15 // room_pt)
        assert note.height / 12700 >= lines * DECK_TEXT["note"] * 1.2
