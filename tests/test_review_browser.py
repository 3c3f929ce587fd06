"""The review page in a real browser: headless Chromium through Selenium, nothing downloaded.

Needs the Debian packages chromium, chromium-driver and fonts-noto-cjk (.ci/run installs them)
and selenium (the test extra). Without them every test here skips, saying which is missing.
Screenshots go to output/ (git-ignored): review-seed.png and review-index.png.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline import parse_file, parse_text
from pipeline.batch import BatchOptions, run_batch
from pipeline.review import render_record, write_review

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "apec-2004-sme-forum.txt"
SHOTS = ROOT / "output"
CHROMIUM = Path(os.environ.get("REVIEW_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("REVIEW_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=ko-KR")
HOSTILE = "<script>alert(1)</script> <img src=x onerror=\"alert(2);window.pwned=1\">"


def missing() -> str | None:
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium chromium-driver fonts-noto-cjk)"
    if not CHROMEDRIVER.is_file():
        return f"no chromedriver at {CHROMEDRIVER} (Debian: apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    if reason := missing():
        pytest.skip(reason)
    os.environ["SE_OFFLINE"] = "true"          # Selenium Manager must never download a driver
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    profile = tempfile.mkdtemp(prefix="review-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    except WebDriverException as exc:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"Chromium would not start: {exc.msg}")
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    driver.get_log("browser")      # start each page with an empty console


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def no_dialog(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException
    try:
        driver.switch_to.alert.dismiss()
    except NoAlertPresentException:
        return True
    return False


def wait_for(driver, script: str, timeout: float = 5.0):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(script))


def settle(driver) -> None:
    """Two animation frames: scroll events from an earlier scrollIntoView have fired."""
    driver.execute_script("return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def test_seed_page(browser, tmp_path):
    record = parse_file(SEED)
    page = tmp_path / "seed.html"
    page.write_text(render_record(record), encoding="utf-8")
    open_page(browser, page)
    js = browser.execute_script
    assert js("return document.querySelector('#text .src-text').textContent") == record["text"]

    title = js("return Array.from(document.querySelectorAll('#text .hl.k-title')).map(e => e.textContent).join('')")
    assert title == record["release"]["title"]
    contacts = js("""const seen = {};
        document.querySelectorAll('#text .hl.k-contact').forEach(e => seen[e.dataset.m] = (seen[e.dataset.m] || '') + e.textContent);
        return Object.values(seen);""")
    assert sorted(contacts) == sorted(record["text"][slice(*c["span"])] for c in record["contacts"])
    countries = js("""return Array.from(document.querySelectorAll('#record .country')).map(card => {
        const id = card.querySelector('h3 [data-target]').dataset.target;
        return [card.dataset.iso, document.querySelectorAll('#text .hl.k-finding[data-m="' + id + '"]').length]; });""")
    assert len(countries) == 11 and all(n >= 1 for _, n in countries), countries

    # Clicking the last country's heading brings its first finding into the text pane and flashes it.
    heading = browser.find_elements("css selector", "#record .country h3 [data-target]")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", heading)
    before = js("return document.getElementById('text').scrollTop")
    heading.click()
    target = heading.get_attribute("data-target")
    wait_for(browser, f"return document.querySelector('#text [data-m=\"{target}\"]').classList.contains('flash')")
    after = js("return document.getElementById('text').scrollTop")
    in_view = js(f"""const pane = document.getElementById('text').getBoundingClientRect();
        const r = document.querySelector('#text [data-m="{target}"]').getBoundingClientRect();
        return r.top >= pane.top && r.bottom <= pane.bottom && r.height > 0;""")
    assert after != before and in_view

    # Hovering a contact says what it was extracted as; clicking it finds its row.
    from selenium.webdriver import ActionChains
    contact = browser.find_element("css selector", "#text .hl.k-contact")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", contact)
    settle(browser)                # the pane's scroll event hides the tip: let it fire first
    ActionChains(browser).move_to_element(contact).perform()
    tip = wait_for(browser, "const t = document.getElementById('tip'); return !t.hidden && t.textContent")
    first = record["contacts"][0]
    assert tip.startswith("contact: " + first["name"]) and f"[{first['span'][0]}, {first['span'][1]})" in tip
    contact.click()
    wait_for(browser, "return document.querySelector('#record .jump.flash[data-target]')")

    # Unticking a kind in the legend hides its highlights.
    browser.find_element("css selector", ".legend input[data-kind='figure']").click()
    assert js("return getComputedStyle(document.querySelector('#text .hl.k-figure')).backgroundColor") == "rgba(0, 0, 0, 0)"
    browser.find_element("css selector", ".legend input[data-kind='figure']").click()

    assert console_errors(browser) == []
    shoot_seed(browser)


def shoot_seed(browser) -> None:
    """The README's picture: Japan's findings clicked, a figure's tooltip showing."""
    from selenium.webdriver import ActionChains
    js = browser.execute_script
    js("document.querySelector(\"#record .country[data-iso='JP']\").scrollIntoView({block: 'start'})")
    japan = browser.find_element("css selector", "#record .country[data-iso='JP'] h3 [data-target]")
    japan.click()
    settle(browser)
    money = browser.find_element("css selector", "#record .country[data-iso='JP'] .figs [data-target]")
    figure = browser.find_element("css selector", "#text [data-m='%s']" % money.get_attribute("data-target"))
    js("arguments[0].scrollIntoView({block: 'nearest'})", figure)
    settle(browser)
    ActionChains(browser).move_to_element(figure).perform()
    wait_for(browser, "return !document.getElementById('tip').hidden")
    SHOTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SHOTS / "review-seed.png"))


@pytest.mark.parametrize("csp", [True, False], ids=["as-written", "without-csp"])
def test_hostile_release_renders_as_text(browser, tmp_path, csp):
    """Escaping alone must hold: the page is also tried with its Content-Security-Policy removed."""
    record = parse_text(f"보도자료\n\n담당자 홍길동 02-123-4567\n\n□ {HOSTILE} 행사를 개최함\n",
                        path=f"{HOSTILE}.txt")
    html = render_record(record)
    if not csp:
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    open_page(browser, page)
    wait_for(browser, "return document.readyState === 'complete'")
    browser.execute_script("return new Promise(done => setTimeout(done, 300))")   # let an <img> fail
    assert no_dialog(browser)
    assert browser.execute_script("return window.pwned === undefined && document.images.length === 0")
    pane = browser.find_element("css selector", "#text")
    assert "<script>alert(1)</script>" in pane.text and "onerror=" in pane.text
    assert browser.execute_script("return document.scripts.length") == 1


def test_batch_index(browser, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for sample in sorted((ROOT / "samples").iterdir()):
        shutil.copy(sample, inputs / sample.name)
    (inputs / "hostile.txt").write_text(f"보도자료\n\n담당자 홍길동 02-123-4567\n\n□ {HOSTILE} 행사\n", encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    run_batch(BatchOptions(inputs=[str(inputs)], out=out, jobs=1, progress="off"))
    write_review(out)
    open_page(browser, out / "review" / "index.html")
    js = browser.execute_script
    rows = "return Array.from(document.querySelectorAll('#docs tbody tr')).filter(r => !r.hidden)"
    listed = len((out / "index.jsonl").read_text(encoding="utf-8").splitlines())   # one row per input
    assert listed == len(list(inputs.iterdir())) and js(rows + ".length") == listed

    header = browser.find_element("css selector", "#docs th[data-col='5']")   # sections
    header.click()
    column = js(rows + ".map(r => Number(r.cells[5].dataset.v))")
    assert column == sorted(column) and len(set(column)) > 1
    header.click()
    assert js(rows + ".map(r => Number(r.cells[5].dataset.v))") == sorted(column, reverse=True)

    browser.find_element("id", "filter").send_keys("empty_input")
    assert js(rows + ".length") == 1
    browser.find_element("id", "filter").clear()
    browser.find_element("id", "filter").send_keys(" ")   # an input event with an empty query
    assert js(rows + ".length") == listed
    SHOTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(SHOTS / "review-index.png"))

    link = browser.find_element("css selector", "#docs a[href='apec-2004-sme-forum.txt.html']")
    link.click()
    wait_for(browser, "return document.querySelector('#text .hl.k-title')")
    assert browser.current_url.endswith("/review/apec-2004-sme-forum.txt.html")
    assert browser.find_element("css selector", "header h1").text.endswith("2004 APEC 중소기업 정보화 정책포럼")
    assert console_errors(browser) == []
