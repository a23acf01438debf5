"""The weekly digest: content over several weeks, exactly-once posting, nudges, charts."""

from __future__ import annotations

import json
import threading
import warnings
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from bot import charts
from bot.cli import main
from bot.digest import digest, week_period
from bot.digest_schedule import fire_time, run_digest
from bot.fiscal_year import TOKYO, FiscalYear
from bot.models import ActualEntry
from bot.store import Store
from tests.conftest import chat_entry

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)  # digest of 11/16–11/22 is due at 09:00


def entry(no: int, text: str, when: datetime, year: str = "R8") -> ActualEntry:
    return chat_entry(no, text, year, when)


@pytest.fixture
def busy(store):
    """Entries spread over three weeks, and one retraction in the digest week."""
    store.append_entry(entry(40, "三週間前", datetime(2026, 11, 3, 10, tzinfo=TOKYO)))
    store.append_entry(entry(40, "先週の月曜", datetime(2026, 11, 16, 0, 5, tzinfo=TOKYO)))
    wrong, _ = store.append_entry(
        entry(41, "先週の日曜深夜", datetime(2026, 11, 22, 23, 59, tzinfo=TOKYO))
    )
    store.append_entry(entry(42, "今週（まだ含めない）", datetime(2026, 11, 23, 8, tzinfo=TOKYO)))
    store.append_entry(
        ActualEntry(
            project_key="R7/No41",
            edition="R7",
            project_no=41,
            fiscal_year="R8",
            kind="retraction",
            text="誤り",
            retracts=wrong.id,
            author_id="U1",
            author_name="佐藤",
            platform="slack",
            created_at=datetime(2026, 11, 20, 9, tzinfo=TOKYO),
        )
    )
    return store


def test_the_period_is_the_monday_to_sunday_before_now():
    period = week_period(MONDAY_10)
    assert (str(period.start), str(period.end), period.week) == (
        "2026-11-16",
        "2026-11-22",
        "2026-W47",
    )
    # Sunday night in Tokyo is already Monday's week for UTC clocks: Tokyo decides.
    assert week_period(datetime(2026, 11, 22, 16, 0, tzinfo=UTC)).week == "2026-W47"


def test_digest_content_for_the_week(busy):
    d = digest(busy, MONDAY_10, stale_weeks=8)
    texts = {g.no: [e.text for e in g.entries] for g in d.entries}
    assert texts == {40: ["先週の月曜"], 41: ["先週の日曜深夜"]}
    assert [e.text for e in d.entries[1].retractions] == ["誤り"]
    assert d.period.fiscal_year == "R8"
    stale = {s.no for s in d.stale}
    assert 40 not in stale and 42 not in stale  # both have R8 entries (No41's was retracted)
    assert 41 in stale and 23 in stale
    assert 24 not in stale  # ended in R7: not running any more
    assert [p.no for p in d.ending_this_year] == [25, 26, 28, 36, 38, 44]
    assert [p.no for p in d.ended_last_year] == [24, 27, 29, 30, 31, 32, 37, 39, 52]
    assert (d.totals.edition, d.totals.projects, d.totals.budget_thousand_yen) == (
        "R7",
        33,
        2313672,
    )


def test_silent_projects_are_stale_after_n_weeks(store):
    store.append_entry(entry(40, "春に一度だけ", datetime(2026, 5, 1, tzinfo=TOKYO)))
    d = digest(store, MONDAY_10, stale_weeks=8)
    assert next(s for s in d.stale if s.no == 40).reason == "silent"


def test_digest_json_keys_from_the_cli(db_path):
    result = CliRunner().invoke(
        main,
        ["digest", "--now", "2026-11-23T10:00:00+09:00", "--json", "--db", str(db_path)],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == [
        "period",
        "entries",
        "stale",
        "ending_this_year",
        "ended_last_year",
        "totals",
    ]
    assert set(data["ending_this_year"][0]) == {"no", "name", "key", "end"}


def test_digest_cli_rejects_a_bad_time(db_path):
    result = CliRunner().invoke(main, ["digest", "--now", "yesterday", "--db", str(db_path)])
    assert result.exit_code == 2 and "「yesterday」は日時として読めません" in result.output


class RecordingPoster:
    """A digest poster that records posts (and can fail once, or block)."""

    platform = "slack"
    target = "slack:CDX"

    def __init__(self, fail_charts: int = 0, fail_message: int = 0):
        self.messages: list[str] = []
        self.charts: list[str] = []
        self.nudged: list[str] = []
        self.fail_charts = fail_charts
        self.fail_message = fail_message
        self.lock = threading.Lock()

    def post_message(self, d):
        if self.fail_message:
            self.fail_message -= 1
            raise ConnectionError("slack down")
        with self.lock:
            self.messages.append(d.period.week)
        return f"ts-{len(self.messages)}"

    def find_posted(self, d, since):
        return None  # found nothing: what a post that never reached the channel leaves

    def post_charts(self, d, message_id):
        if self.fail_charts:
            self.fail_charts -= 1
            raise ConnectionError("upload failed")
        self.charts.append(message_id)

    def nudge(self, user_id, projects, d):
        self.nudged.append(user_id)


def test_not_due_before_the_scheduled_time(store):
    poster = RecordingPoster()
    assert run_digest(store, poster, datetime(2026, 11, 23, 8, 59, tzinfo=TOKYO)) == "not_due"
    assert fire_time("0 9 * * mon", MONDAY_10) == datetime(2026, 11, 23, 9, 0, tzinfo=TOKYO)
    assert poster.messages == []


def test_restart_posts_once(store):
    poster = RecordingPoster()
    assert run_digest(store, poster, MONDAY_10) == "posted"
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=5)) == "done"  # a restart
    assert run_digest(store, poster, MONDAY_10 + timedelta(days=2)) == "done"
    assert poster.messages == ["2026-W47"] and poster.charts == ["ts-1"]


def test_down_at_the_scheduled_time_posts_late_once(store):
    poster = RecordingPoster()
    assert run_digest(store, poster, datetime(2026, 11, 25, 15, 0, tzinfo=TOKYO)) == "posted"
    assert run_digest(store, poster, datetime(2026, 11, 25, 15, 5, tzinfo=TOKYO)) == "done"
    assert poster.messages == ["2026-W47"]


def test_two_schedulers_racing_on_one_store_post_once(db_path):
    poster = RecordingPoster()
    stores = [Store.open(db_path) for _ in range(4)]
    outcomes = []
    barrier = threading.Barrier(len(stores))

    def race(s):
        barrier.wait()
        outcomes.append(run_digest(s, poster, MONDAY_10, owner=f"proc-{id(s)}"))

    threads = [threading.Thread(target=race, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # One posts; each other one finds the week posted, or being posted by a live claim.
    assert sorted(outcomes).count("posted") == 1
    assert set(outcomes) - {"posted"} <= {"done", "in_progress"}
    assert poster.messages == ["2026-W47"]


def test_a_crash_between_claim_and_post_is_taken_over_once(store):
    d_week = week_period(MONDAY_10).week
    assert (
        store.claim_digest(d_week, "slack:CDX", "crashed-proc", MONDAY_10) is not None
    )  # then died
    poster = RecordingPoster()
    # An owner this machine cannot tell about (another host) holds its lease.
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=1)) == "in_progress"
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=11)) == "posted"  # lease expired
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=20)) == "done"
    assert poster.messages == ["2026-W47"]
    assert store.digest_run(d_week, "slack:CDX").attempts == 2


def test_a_post_that_fails_half_way_is_finished_not_repeated(store):
    poster = RecordingPoster(fail_charts=1)
    assert run_digest(store, poster, MONDAY_10) == "failed"
    assert poster.messages == ["2026-W47"] and poster.charts == []
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=5)) == "posted"
    assert poster.messages == ["2026-W47"]  # the message was not posted twice
    assert poster.charts == ["ts-1"]


def test_a_failed_message_is_retried(store):
    poster = RecordingPoster(fail_message=1)
    assert run_digest(store, poster, MONDAY_10) == "failed"
    assert run_digest(store, poster, MONDAY_10 + timedelta(minutes=5)) == "posted"
    assert poster.messages == ["2026-W47"]


def test_nudges_once_a_week_per_owner_and_can_be_turned_off(store):
    store.add_owner("slack", "U1", section="学校教育課")
    store.add_owner("slack", "U2", project_key="R7/No23")
    store.add_owner("slack", "U3", project_key="R7/No45")
    store.set_nudges("slack", "U3", False)
    poster = RecordingPoster()
    run_digest(store, poster, MONDAY_10)
    assert sorted(poster.nudged) == ["U1", "U2"]  # U1 once, for all of 学校教育課's stale projects
    from bot.digest_schedule import send_nudges

    assert send_nudges(store, poster, digest(store, MONDAY_10), MONDAY_10) == 0  # same week: none


def test_charts_are_png_in_a_japanese_font(store):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph warns: make it fail the test
        budget = charts.budget_by_department(store.projects(), "R7")
        timeline = charts.timeline(store.projects(), "R7", FiscalYear.parse("R8"))
    for png in (budget, timeline):
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert charts.font_name() == "IPAexGothic"
    import matplotlib.font_manager as fm

    path = fm.findfont(fm.FontProperties(family="IPAexGothic"), fallback_to_default=False)
    font = fm.get_font(path)
    assert font.get_char_index(ord("部")) != 0  # the font really has kanji


def test_load_documents_fixture_is_real(store):
    """The digest tests stand on the real documents, both editions, as the files print them."""
    assert [e.code for e in store.editions()] == ["R6", "R7"]
    assert len(store.projects("R7")) == 33 and len(store.projects("R6")) == 27
    assert {p.source.file for p in store.projects()} == {"roadmap_R7_kurashi-machi.txt"}
