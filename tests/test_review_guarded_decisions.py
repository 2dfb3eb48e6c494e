"""Decisions as a reviewer meets them on the CLI, the page and the API (issue 10 items 1,
3, 5, 6 and 9): only reviewer-correctable fields, every correction re-checked against the
source (overrides need a reason and are marked in the briefing), one bad record never
breaks `summarizer brief`, the reviewed record is chained into the audit log, a figure's
flags resolve together, decisions can be reopened, and the terminal shows no raw escapes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support.review import (
    PASSWORD,
    flagged_record,
    new_session,
    scale_discrepancy,
    seed_article,
    seeded_store,
    store_with_reviewers,
)
from typer.testing import CliRunner

from summarizer.cli import brief_cmd, review_cmd  # noqa: F401  (registers ours)
from summarizer.cli.app import app
from summarizer.crosscheck import check_record
from summarizer.domain import (
    ArticleMeta,
    Discrepancy,
    ExtractionOutcome,
    OutcomeStatus,
    SourceArticle,
    Verdict,
)
from summarizer.review import accounts
from summarizer.review.audit import GENESIS_HASH, entry_hash
from summarizer.review.web import create_app
from summarizer.source_text import article_id_for
from summarizer.store.repository import RunKey, Store

WHO = ("--reviewer", "alice")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The seed article with its two stored flags (#1 scale on value, #2 invented)."""
    path = tmp_path / "guard.db"
    store = store_with_reviewers(path, "alice")
    store.close()
    return str(path)


@pytest.fixture
def real_db(tmp_path: Path) -> str:
    """The seed article with the cross-checker's real findings, figure 2 flagged twice."""
    article = seed_article()
    found = list(check_record(article.text, flagged_record(article)).discrepancies)
    assert {d.field for d in found} >= {"figures[2].value", "figures[2].text"}
    store, _ = seeded_store(tmp_path / "real.db", discrepancies=found)
    store.close()
    return str(tmp_path / "real.db")


def _ids(db: str) -> dict[str, int]:
    store = Store.open(db)
    try:
        return {d.discrepancy.field: d.id for d in store.list_discrepancies()}
    finally:
        store.close()


def _browser(db: str) -> tuple[TestClient, str]:
    client = TestClient(create_app(Store.open(db).engine), base_url="http://127.0.0.1")
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    client.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf_token": token.group(1)}
    )
    detail = client.get("/d/1")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', detail.text)
    assert csrf
    return client, csrf.group(1)


def _figures_table(markdown: str) -> str:
    return markdown.split("## Figures", 1)[1].split("\n## ", 1)[0]


# --------------------------------------------------------------------------- item 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("article_id", "abcdef0123456789abcdef"),
        ("figures", "[]"),
        ("figures[2]", '{"value": "1"}'),
        ("meta.title", "Forged"),
        ("figures[2].part_of", "null"),
        ("provenance", "null"),
    ],
)
def test_only_reviewer_fields_can_be_corrected(db: str, field: str, value: str) -> None:
    code, _out, err = run(
        "review", "correct", "1", "--field", field, "--value", value, *WHO, "--db", db
    )
    assert code == 2 and "not a field a reviewer corrects" in err
    client, csrf = _browser(db)
    page = client.post("/d/1/correct", data={"csrf_token": csrf, "field": field, "value": value})
    assert page.status_code == 422 and "not a field a reviewer corrects" in page.text
    with new_session(Store.open(db)) as session:
        token = accounts.issue_token(session, "alice")
    api = client.post(
        "/api/discrepancies/1/correct",
        headers={"Authorization": f"Bearer {token}"},
        json={"field": field, "value": value},
    )
    assert api.status_code == 422
    assert run("review", "list", "--status", "open", "--db", db)[1].count("open") == 2
    code, markdown, _err = run("brief", "--db", db)
    assert code == 0 and "Vietnam - Guangxi talks" in markdown


def _second_article(db: str) -> str:
    text = "Officials said exports reached 4.1 billion USD in 2024, up from last year.\n"
    article_id = article_id_for(text)
    article = SourceArticle(article_id=article_id, text=text, meta=ArticleMeta(title="Other"))
    record = flagged_record(seed_article()).model_copy(
        update={
            "article_id": article_id,
            "figures": [],
            "summary": "Exports rose.",
            "meta": ArticleMeta(title="Other"),
        }
    )
    outcome = ExtractionOutcome(
        article_id=article_id,
        status=OutcomeStatus.accepted,
        record=record,
        verdict=Verdict.from_discrepancies([], numbers_checked=0),
        attempts=1,
    )
    store = Store.open(db)
    store.save_outcome(article, outcome, RunKey(model="test-model", prompt_version="p1"))
    store.close()
    return article_id


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_broken_stored_record_leaves_the_briefing_of_the_others(db: str, fmt: str) -> None:
    good = _second_article(db)
    assert run("review", "correct", "1", "--source", *WHO, "--db", db)[0] == 0
    connection = sqlite3.connect(db)  # what a bad hand edit or an old bug leaves behind
    connection.execute(
        "UPDATE review_record_versions SET record = json_set(record, '$.article_id', 'zz')"
    )
    connection.commit()
    connection.close()
    code, out, err = run("brief", "--format", fmt, "--db", db)
    assert code == 0 and "Exports rose." in out
    assert "Vietnam - Guangxi talks" not in out
    broken = seed_article().article_id
    assert re.search(rf"warning: article {broken}: .*left out", err)
    assert good not in err and "Traceback" not in err


# --------------------------------------------------------------------------- item 3


def test_a_correction_the_source_contradicts_needs_an_override(db: str) -> None:
    base = ("review", "correct", "1", *WHO, "--db", db)
    code, _out, err = run(*base, "--value", "6300000000")
    assert code == 2 and "the source contradicts this correction" in err
    code, _out, err = run(*base, "--field", "figures[0].metric", "--value", "something else")
    assert code == 2 and "figures[2].value" in err  # an unrelated edit leaves the flag
    code, _out, err = run(*base, "--value", "6300000000", "--override")
    assert code == 2 and "needs a reason" in err
    assert "open" in run("review", "list", "--db", db)[1].splitlines()[0]
    code, out, _err = run(
        *base, "--value", "6300000000", "--override", "--reason", "ministry revised figure"
    )
    assert code == 0 and "OVERRIDE" in out
    code, markdown, _err = run("brief", "--db", db)
    assert code == 0
    assert "reviewer override: ministry revised figure" in _figures_table(markdown)
    assert "1 reviewer override of the cross-check" in markdown
    html = run("brief", "--format", "html", "--db", db)[1]
    assert "reviewer override" in html


def test_the_page_offers_the_override_when_the_source_disagrees(db: str) -> None:
    client, csrf = _browser(db)
    refused = client.post(
        "/d/1/correct", data={"csrf_token": csrf, "field": "figures[2].value", "value": "1"}
    )
    assert refused.status_code == 422 and "the source contradicts" in refused.text
    assert 'class="override offered"' in refused.text
    stored = client.post(
        "/d/1/correct",
        data={
            "csrf_token": csrf,
            "field": "figures[2].value",
            "value": "1",
            "override": "1",
            "reason": "checked with the ministry",
        },
        follow_redirects=False,
    )
    assert stored.status_code == 303
    listed = client.get("/queue?status=all").text
    assert "(override)" in listed


# --------------------------------------------------------------------------- item 5


def test_terminal_output_escapes_control_and_bidi_characters(tmp_path: Path) -> None:
    hostile = (
        "Imports reached 6.2 billion USD.\x1b[2K\x1b[1A\rsource agrees: 6.2 million USD "
        "\u202e12 noillib\u202c\n"
    )
    sneaky = Discrepancy(
        code="not_in_source",
        field="figures[1].value",
        claim="29.5 billion USD\x1b[8m hidden",
        message="figures[1].value: see \x1b]8;;http://evil\x07link",
    )
    store, _ = seeded_store(
        tmp_path / "esc.db", discrepancies=[scale_discrepancy(hostile), sneaky], text=hostile
    )
    store.close()
    db = str(tmp_path / "esc.db")
    for args in (("review", "list"), ("review", "show", "1"), ("review", "show", "2")):
        code, out, _err = run(*args, "--db", db)
        assert code == 0
        assert "\x1b" not in out and "\u202e" not in out and "\r" not in out
        assert "\x07" not in out
    shown = run("review", "show", "1", "--db", db)[1]
    assert "\\x1b[2K" in shown and "\\u202e12 noillib" in shown
    assert "\\x1b[8m hidden" in run("review", "list", "--db", db)[1]


# --------------------------------------------------------------------------- item 6


def test_a_tampered_reviewed_record_is_detected(db: str) -> None:
    assert run("review", "correct", "1", "--source", *WHO, "--db", db)[0] == 0
    assert run("review", "verify", "--db", db)[0] == 0
    connection = sqlite3.connect(db)  # put the wrong value back behind review's back
    connection.execute(
        "UPDATE review_record_versions SET record = "
        "json_set(record, '$.figures[2].value', '6200000')"
    )
    connection.commit()
    connection.close()
    code, _out, err = run("review", "verify", "--db", db)
    assert code == 1 and "reviewed record version 1" in err and "edited" in err
    code, markdown, err = run("brief", "--db", db)
    assert "differs from what the audit log recorded" in err
    assert "6.2 million" not in markdown and "US$6.2 million" not in markdown


def test_a_deleted_reviewed_record_is_detected(db: str) -> None:
    assert run("review", "correct", "1", "--source", *WHO, "--db", db)[0] == 0
    connection = sqlite3.connect(db)
    connection.execute("DELETE FROM review_record_versions")
    connection.commit()
    connection.close()
    code, _out, err = run("review", "verify", "--db", db)
    assert code == 1 and "missing" in err


def _rewrite_chain(db: str) -> None:
    """The strongest attacker without the anchor: rewrite history and every hash."""
    connection = sqlite3.connect(db)
    connection.execute("DROP TRIGGER review_audit_log_no_update")
    rows = connection.execute(
        "SELECT seq, who, at, action, discrepancy_id, before_json, after_json, reason "
        "FROM review_audit_log ORDER BY seq"
    ).fetchall()
    prev = GENESIS_HASH
    for seq, who, at, action, discrepancy_id, before, after, reason in rows:
        fields = {
            "seq": seq,
            "who": "mallory" if seq == 1 else who,
            "at": at,
            "action": action,
            "discrepancy_id": discrepancy_id,
            "before": json.loads(before),
            "after": json.loads(after),
            "reason": reason,
            "prev_hash": prev,
        }
        digest = entry_hash(fields)
        connection.execute(
            "UPDATE review_audit_log SET who=?, prev_hash=?, hash=? WHERE seq=?",
            (fields["who"], prev, digest, seq),
        )
        prev = digest
    connection.commit()
    connection.close()


def test_expect_head_catches_a_consistently_rewritten_chain(db: str) -> None:
    run("review", "approve", "2", *WHO, "--db", db)
    _code, out, _err = run("review", "verify", "--db", db)
    anchor = out.strip().rsplit(" ", 1)[-1]
    assert hashlib.sha256(b"").hexdigest() != anchor and len(anchor) == 64
    assert run("review", "correct", "1", "--source", *WHO, "--db", db)[0] == 0
    # A later, legitimate decision keeps the anchored prefix: still verifies.
    assert run("review", "verify", "--expect-head", anchor, "--db", db)[0] == 0
    _rewrite_chain(db)
    assert run("review", "verify", "--db", db)[0] == 0  # self-consistent: the chain alone is fooled
    code, _out, err = run("review", "verify", "--expect-head", anchor, "--db", db)
    assert code == 1 and "not in the chain" in err


# --------------------------------------------------------------------------- item 9


def test_a_figures_two_flags_are_resolved_together(real_db: str) -> None:
    ids = _ids(real_db)
    value_id, text_id = ids["figures[2].value"], ids["figures[2].text"]
    code, out, _err = run("review", "correct", str(value_id), "--source", *WHO, "--db", real_db)
    assert code == 0 and f"also corrected: #{text_id}" in out
    listed = run("review", "list", "--db", real_db)[1]
    assert re.search(rf"#{text_id}\s+corrected .*resolved with #{value_id}", listed)
    assert run("review", "verify", "--db", real_db)[0] == 0
    markdown = run("brief", "--db", real_db)[1]
    assert "figures[2].text" not in markdown.split("Awaiting review", 1)[-1]


def test_reopen_undoes_a_decision_as_an_audited_entry(real_db: str) -> None:
    ids = _ids(real_db)
    value_id, text_id = ids["figures[2].value"], ids["figures[2].text"]
    run("review", "correct", str(value_id), "--source", *WHO, "--db", real_db)
    assert "US$6.2 billion" in _figures_table(run("brief", "--db", real_db)[1])
    code, _out, err = run("review", "reopen", str(value_id), *WHO, "--db", real_db)
    assert code == 2  # --reason is required
    code, out, _err = run(
        "review", "reopen", str(value_id), "--reason", "wrong article", *WHO, "--db", real_db
    )
    assert code == 0 and "reopened" in out and f"#{text_id}" in out
    assert run("review", "list", "--status", "open", "--db", real_db)[1].count("open") == 3
    assert "US$6.2 million" in _figures_table(run("brief", "--db", real_db)[1])
    code, out, _err = run("review", "verify", "--db", real_db)
    assert code == 0 and "4 entries" in out  # two corrections, two reopenings: nothing erased
    code, _out, err = run("review", "reopen", str(value_id), "--reason", "x", *WHO, "--db", real_db)
    assert code == 2 and "nothing to reopen" in err
    assert run("review", "correct", str(value_id), "--source", *WHO, "--db", real_db)[0] == 0
    cases = run("review", "export", "--db", real_db)[1].strip().splitlines()
    assert [json.loads(c)["decision"] for c in cases] == ["correct"]


def test_reopen_from_the_page_and_the_all_view_shows_the_resolved_value(db: str) -> None:
    client, csrf = _browser(db)
    client.post("/d/1/accept-source", data={"csrf_token": csrf})
    every = client.get("/queue?status=all").text
    assert "Resolved as" in every and "6200000 → 6200000000" in every
    page = client.get("/d/1")
    assert 'id="form-reopen"' in page.text and "6200000 → 6200000000" in page.text
    reopened = client.post(
        "/d/1/reopen", data={"csrf_token": csrf, "reason": "premature"}, follow_redirects=False
    )
    assert reopened.status_code == 303
    assert "Discrepancy #1 reopened." in client.get(reopened.headers["location"]).text
    assert "6.2 million USD" in client.get("/queue").text


def _run_keyed(*args: str, key: str = "k3y-kept-in-a-vault") -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"SUMMARIZER_AUDIT_KEY": key})
    return result.exit_code, result.stdout, result.stderr


def test_the_keyed_chain_catches_what_only_the_key_holder_could_write(
    db: str, tmp_path: Path
) -> None:
    assert _run_keyed("review", "approve", "2", *WHO, "--db", db)[0] == 0
    assert _run_keyed("review", "correct", "1", "--source", *WHO, "--db", db)[0] == 0
    code, out, _err = _run_keyed("review", "verify", "--db", db)
    assert code == 0 and "every MAC valid" in out
    key_file = tmp_path / "audit.key"
    key_file.write_text("k3y-kept-in-a-vault\n")
    assert run("review", "verify", "--audit-key-file", str(key_file), "--db", db)[0] == 0
    _rewrite_chain(db)  # consistent hashes, but the attacker has no key for the MACs
    assert run("review", "verify", "--db", db)[0] == 0
    code, _out, err = _run_keyed("review", "verify", "--db", db)
    assert code == 1 and "entry 1: MAC does not match" in err
    code, _out, err = _run_keyed("review", "verify", "--db", db, key="another-key")
    assert code == 1 and "MAC does not match" in err


def test_an_entry_written_without_the_key_is_reported(db: str, tmp_path: Path) -> None:
    assert _run_keyed("review", "approve", "2", *WHO, "--db", db)[0] == 0
    assert run("review", "approve", "1", *WHO, "--db", db)[0] == 0  # no key in this shell
    code, _out, err = _run_keyed("review", "verify", "--db", db)
    assert code == 1 and "entry 2: no MAC" in err
    empty = tmp_path / "empty.key"
    empty.write_text("")
    code, _out, err = run("review", "verify", "--audit-key-file", str(empty), "--db", db)
    assert code == 2 and "empty" in err


@pytest.mark.parametrize("command", ["show", "approve", "reopen"])
def test_a_huge_id_on_the_cli_is_one_line_and_exit_2(db: str, command: str) -> None:
    extra = ("--reason", "x", *WHO) if command == "reopen" else WHO if command == "approve" else ()
    code, _out, err = run("review", command, "99999999999999999999", *extra, "--db", db)
    assert code == 2 and "no discrepancy with id 99999999999999999999" in err
    assert "Traceback" not in err


def test_the_page_shows_tampering_of_the_reviewed_record(db: str) -> None:
    client, csrf = _browser(db)
    client.post("/d/1/accept-source", data={"csrf_token": csrf})
    article_id = seed_article().article_id
    assert client.get(f"/articles/{article_id}").status_code == 200
    connection = sqlite3.connect(db)
    connection.execute(
        "UPDATE review_record_versions SET record = "
        "json_set(record, '$.figures[2].value', '6200000')"
    )
    connection.commit()
    connection.close()
    record = client.get(f"/articles/{article_id}")
    assert record.status_code == 409 and "differs from what the audit log recorded" in record.text
    assert "nonce-" in record.headers["content-security-policy"]
    audit = client.get("/audit").text
    assert "reviewed record version 1" in audit


def test_the_audit_page_checks_macs_when_the_server_has_the_key(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_AUDIT_KEY", "server-side-key")
    client, csrf = _browser(db)
    client.post("/d/2/approve", data={"csrf_token": csrf})
    assert "Chain intact" in client.get("/audit").text
    _rewrite_chain(db)
    assert "MAC does not match" in client.get("/audit").text
