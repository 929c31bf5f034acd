"""Issue 21, point 5: Student's t at the degrees of freedom a view computes, for every df. The
student_t table stopped at 30 and used the normal 1.96 beyond, so every interval over 31 to about
1,000 questions (and every index interval of the demo, df 60 to 400) was a z interval."""

from __future__ import annotations

import pytest

from tests.student_t import quantile
from warehouse.connection import catalogless

# Printed tables (two-sided 95% and 90%), to the three decimals a reader checks on paper.
PRINTED = {1: (12.706, 6.314), 2: (4.303, 2.920), 3: (3.182, 2.353), 10: (2.228, 1.812), 30: (2.042, 1.697),
           40: (2.021, 1.684), 60: (2.000, 1.671), 120: (1.980, 1.658)}


@pytest.fixture(scope="module")
def con():
    con = catalogless()  # the macros every warehouse connection gets
    yield con
    con.close()


def macro(con, name: str, df) -> float | None:
    return con.execute(f"SELECT {name}(?)", [df]).fetchone()[0]


@pytest.mark.parametrize("df", sorted(PRINTED))
def test_the_quantiles_are_the_printed_tables(con, df):
    t975, t95 = PRINTED[df]
    assert round(macro(con, "student_t975", df), 3) == t975
    assert round(macro(con, "student_t95", df), 3) == t95


def test_past_30_degrees_of_freedom_the_quantile_is_t_not_the_normal(con):
    # 110 degrees of freedom (111 questions; the demo's smallest v3 index df): 1.9818, not 1.96.
    assert macro(con, "student_t975", 110) == pytest.approx(1.98177, abs=1e-5)
    assert macro(con, "student_t975", 31) > macro(con, "student_t975", 1000) > 1.96


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 5.53, 7, 12.25, 29, 31, 45.5, 110, 250.8, 999, 5000, 100_000])
def test_at_every_df_whole_or_not_the_quantile_is_the_distributions(con, df):
    assert macro(con, "student_t975", df) == pytest.approx(quantile(0.975, df), abs=4e-5)
    assert macro(con, "student_t95", df) == pytest.approx(quantile(0.95, df), abs=4e-5)


def test_below_five_a_df_between_whole_numbers_takes_the_smallers_never_narrower(con):
    for df, whole in ((1.2, 1), (1.99, 1), (2.5, 2), (3.7, 3), (4.99, 4)):
        for name, level in (("student_t975", 0.975), ("student_t95", 0.95)):
            assert macro(con, name, df) == pytest.approx(quantile(level, whole), abs=1e-8)
            assert macro(con, name, df) > quantile(level, df)
    assert macro(con, "student_t975", None) is None


def test_the_table_for_analysts_is_the_macro(con):
    # The view student_t is what an analyst reads; the views call the macros directly.
    from pathlib import Path

    view = (Path(__file__).resolve().parents[3] / "warehouse" / "views" / "011_student_t.sql").read_text()
    con.execute(view.split("COMMENT ON")[0].replace("CREATE OR REPLACE VIEW", "CREATE OR REPLACE TEMP VIEW"))
    found = con.execute("SELECT count(*), min(df), max(df), max(abs(t975 - student_t975(df))) FROM student_t").fetchone()
    assert found == (1000, 1, 1000, 0.0)
