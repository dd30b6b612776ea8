"""Control, direction-changing and invisible characters: refused in every text field, raw or escaped."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from macros.data import characters
from macros.data.models import Case
from tests.conftest import FIXTURES

HIT = yaml.safe_load((FIXTURES / "minimal" / "cases" / "hit.yaml").read_text(encoding="utf-8"))
REFUSED = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), *range(0x7F, 0xA0)]]
REFUSED += [chr(c) for c in [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029]]
REFUSED += [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF]]
REFUSED += [chr(c) for c in [0x00AD, 0x180E, 0xE0001, 0xE0041, 0xE007F]]
plain = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=20)


def _case(**changes) -> Case:
    return Case.model_validate({**HIT, **changes})


@given(plain, st.sampled_from(REFUSED), plain)
def test_every_refused_character_is_named_in_one_line_and_multi_line_text(before, char, after):
    text = f"あ{before}{char}{after}"
    for field, value in (("summary", text), ("name", dict(HIT["name"], short=text))):
        with pytest.raises(ValidationError) as info:
            _case(**{field: value})
        (error,) = info.value.errors()
        assert f"U+{ord(char):04X}" in str(error["ctx"]["error"]), (field, repr(char))


def test_tab_and_line_feed_are_kept_where_text_spans_lines_only():
    assert _case(summary="一行目\n二行目\tタブ").summary == "一行目\n二行目\tタブ"
    for text in ("一行目\n二行目", "タブ\tあり"):
        with pytest.raises(ValidationError, match="1行で書いてください"):
            _case(name=dict(HIT["name"], short=text))


def test_urls_and_references_refuse_them_too():
    with pytest.raises(ValidationError, match="U\\+202E"):
        _case(links=[{"title": "ページ", "url": "https://exa\u202emple.org/"}])
    with pytest.raises(ValidationError):
        _case(founded={"date": "1996-11", "source": "事例2（1）「見出し\u200b」"})


def test_ordinary_japanese_text_passes():
    # full-width letters and digits, an ideographic space, a kanji with its variation selector (葛󠄀)
    text = "東大阪市の金属加工業者（ＨＩＴ）は、２００３年に「共同受注」を始めた。　全角空白も。葛\U000e0100城"
    assert characters.MULTI_LINE.search(text) is None and characters.SINGLE_LINE.search(text) is None
    assert _case(summary=text).summary == text
