"""The answer page's order (reports/common/answer.py): what changes most for the subscriber first,
at most five, and never an empty page."""

from reports.common.answer import (ANSWERS_SHOWN, LEADER, MARKET, NOTHING, RETIREMENT, SUBSTITUTE, WORKLOAD, Answer,
                                   ranked)


def answer(kind: int, weight: float, name: str) -> Answer:
    return Answer(name, kind, weight, "s", "t")


def test_a_shutdown_comes_first_then_money_by_size_then_the_rest_and_five_at_most():
    given = [answer(MARKET, 1, "market"), answer(WORKLOAD, 100, "saves 100"), answer(LEADER, 1, "leader"),
             answer(WORKLOAD, 18_300, "saves 18,300"), answer(RETIREMENT, 0, "shutdown"),
             answer(SUBSTITUTE, 0.9, "substitute"), answer(MARKET, 2, "market 2")]
    assert [a.sentence for a in ranked(given)] == ["shutdown", "saves 18,300", "saves 100", "substitute", "leader"]
    assert len(ranked(given)) == ANSWERS_SHOWN


def test_with_nothing_to_act_on_the_page_says_why():
    assert ranked([]) == [NOTHING] and "focus_models" in NOTHING.sentence


def test_the_new_leaders_named_are_all_of_them_or_the_sentence_says_how_many_it_leaves_out():
    """Cost to run's answer on the variants new at rank 1: it names those its ranking page shows, at most
    three, and counts the rest; before, a fourth newcomer was left out of a list that read as whole."""
    from types import SimpleNamespace

    from reports.cost_to_run.report import _answers
    from reports.window import Period

    def leader(model: str, index: float) -> dict:
        return {"model": model, "label": model.title(), "index": index}

    quarter = {"tiers": [], "leaders_before": [leader("old", 70.0)],
               "leaders": [leader("a", 80.0), leader("b", 79.5), leader("c", 79.0), leader("d", 78.4), leader("old", 70.0)]}
    window = SimpleNamespace(period=Period.parse("2026Q3"))
    shown = [{"model": m} for m in ("a", "b", "c", "d", "old")]
    (said,) = [a.sentence for a in _answers(quarter, [], shown, window)]
    assert said == "New at rank 1 since Q2 2026: A (80.0), B (79.5), C (79.0), and 1 more."
    (said,) = [a.sentence for a in _answers(quarter, [], shown[:2], window)]  # c and d not on the ranking page
    assert said == "New at rank 1 since Q2 2026: A (80.0), B (79.5), and 2 more."
    quarter["leaders"] = quarter["leaders"][:2] + quarter["leaders"][-1:]
    (said,) = [a.sentence for a in _answers(quarter, [], shown, window)]
    assert said == "New at rank 1 since Q2 2026: A (80.0), B (79.5)."
