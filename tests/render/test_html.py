"""The HTML report: self-contained, escaped, and its filters work in real headless Chromium."""

from __future__ import annotations

import html
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _hostile import HOSTILE_NAME, HOSTILE_TITLE

from governance_rules import Report
from governance_rules._type_words import type_words
from governance_rules.render.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_self_contained(examples_report: Report) -> None:
    page = render_html(examples_report)
    assert not re.search(r"(?:src|href)\s*=", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in html.unescape(page)


def test_summary_and_groups(examples_report: Report) -> None:
    page = render_html(examples_report)
    assert page.count('class="finding"') == len(examples_report.findings)
    assert "兴华路社区成员代表大会 (assembly)" in page
    assert "<h2>兴华路社区 (xinghua-road)</h2>" in page
    assert "必須有社區成員代表過半數出席才能召開" in page
    assert f'<td class="count">{examples_report.summary.by_severity["error"]}</td>' in page


def test_every_record_string_is_escaped(hostile_report: Report) -> None:
    page = render_html(hostile_report)
    assert HOSTILE_NAME not in page and "<img" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert page.count("<script>") == 1


def test_chinese_page(examples_report: Report) -> None:
    page = render_html(examples_report, "zh")
    assert '<html lang="zh-CN">' in page and "治理记录检查报告" in page
    places = re.findall(r'<div class="where">[^<·]*· (\S+) ', page)
    assert len(places) == len(examples_report.findings) and "议题" in places
    assert all(re.fullmatch(r"[\u4e00-\u9fff、，]+", p) for p in places), set(places)
    english = render_html(examples_report)
    for finding in examples_report.findings:  # in words, not the code (leading_group)
        assert html.escape(f"· {type_words(finding.record.type, 'en')} ") in english
    assert "· leading group " in english and "· leading_group " not in english


def test_groups_by_community_then_body(examples_report: Report) -> None:
    """One group per community, and in it one per body, named: a body's finance findings and
    its meetings' findings (other files) land in the same group."""
    page = render_html(examples_report, "zh")
    communities = re.findall(r'<section class="group community"><h2>(.*?)</h2>', page)
    assert len(communities) == len(set(communities)) and "兴华路社区（xinghua-road）" in communities
    sifang = page.split("<h2>兴华路社区（xinghua-road）</h2>")[1].split(
        '<section class="group community">')[0]
    bodies = re.findall(r'<section class="group body"><h3>(.*?)</h3>', sifang)
    assert len(bodies) == len(set(bodies))
    committee = [f for f in examples_report.findings
                 if f.community == "xinghua-road" and f.body and f.body.id == "residents-committee"]
    assert any("expenses" in f.record.file for f in committee)
    assert any("meetings" in f.record.file for f in committee)
    assert "兴华路社区居民委员会（residents-committee）" in bodies


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        if os.environ.get("GOVERNANCE_RULES_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (GOVERNANCE_RULES_REQUIRE_BROWSER is set)")
        pytest.skip("chromium is not installed (.ci/run installs it with apt-get)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def open_page(browser: Any, html: str, path: Path) -> tuple[Any, list[str], list[str]]:
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    return page, requests, problems


def test_filters_work_in_chromium(browser: Any, examples_report: Report, tmp_path: Path) -> None:
    page, requests, problems = open_page(browser, render_html(examples_report),
                                         tmp_path / "report.html")
    total = len(examples_report.findings)
    warnings = [f for f in examples_report.findings if f.severity.value == "warning"]
    assert page.locator(".finding:visible").count() == total
    page.select_option("#filter-severity", "warning")
    assert page.locator(".finding:visible").count() == len(warnings)
    assert page.locator("#shown-count").text_content() == str(len(warnings))
    assert page.locator(".group.rule:visible").count() == len({f.rule_id for f in warnings})
    page.select_option("#filter-severity", "error")
    page.select_option("#filter-rule", "po-decision")
    assert page.locator(".finding:visible").count() == 2
    assert page.locator(".finding:visible").first.get_attribute("data-rule") == "po-decision"
    page.select_option("#filter-severity", "")
    page.select_option("#filter-rule", "")
    assert page.locator(".finding:visible").count() == total
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert requests == [(tmp_path / "report.html").as_uri()]
    assert problems == []


def test_no_script_from_the_data_runs(browser: Any, hostile_report: Report, tmp_path: Path) -> None:
    page, requests, problems = open_page(browser, render_html(hostile_report),
                                         tmp_path / "hostile.html")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1
    text = page.locator(".finding .message").first.text_content()
    assert HOSTILE_TITLE.split("\r")[0] in text
    # the body's group heading (under its community's) shows the name as text (the dossier adopts
    # ZZB-VILLAGE too, so a community-level group may follow it)
    assert any(HOSTILE_NAME in h for h in page.locator(".group.body h3").all_text_contents())
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert requests == [(tmp_path / "hostile.html").as_uri()] and problems == []


def test_waived_filter(browser: Any, waived_report: Report, tmp_path: Path) -> None:
    page, _, _ = open_page(browser, render_html(waived_report), tmp_path / "waived.html")
    page.select_option("#filter-severity", "waived")
    assert page.locator(".finding:visible").count() == 1
    assert "re-voted" in page.locator(".finding:visible .waiver").text_content()
