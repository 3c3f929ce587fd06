"""Page metadata from board pages whose parts markup identifies (render's hints)."""
from __future__ import annotations

import pipeline

BOARD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>보도자료</title></head><body>
<div class="location"><span>HOME</span> &gt; <span>군정소식</span> &gt; <span>보도자료</span></div>
<div class="board_view">
  <h3 class="tit">보도자료</h3>
  <div class="subject">가을 국화 축제 개막 안내 기사입니다</div>
  <div class="meta"><p>2024.10.05</p> <p>조회수</p> <p>310</p></div>
  <div class="content"><p>□ 군은 다음 주부터 국화 축제를 열고 관광객을 맞이할 준비를 모두 마쳤다고 밝혔다.</p></div>
</div>
<div class="manager">문화관광과 축제팀 ☎ 061-000-1234</div>
<footer>전라남도 어느군 (대표전화 061-000-0000)</footer>
</body></html>"""


def test_board_page_without_labels_still_gives_date_headline_and_contact():
    page = pipeline.parse_text(BOARD, path="board.html")["page"]
    assert page["breadcrumbs"] == ["군정소식", "보도자료"]
    assert page["headline"] == "가을 국화 축제 개막 안내 기사입니다"
    assert page["posted_at"] == "2024-10-05"
    assert page["views"] == 310
    assert page["contact"]["department"] == "문화관광과 축제팀"
    assert page["contact"]["phone"] == "061-000-1234"


def test_site_footer_switchboard_is_never_a_contact():
    record = pipeline.parse_text(BOARD, path="board.html")
    assert all(c["phone"] != "061-000-0000" for c in record["contacts"])
