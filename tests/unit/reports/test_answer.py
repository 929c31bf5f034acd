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
