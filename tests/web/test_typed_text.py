"""What a respondent types: control characters refused with a clear message and the
rest of the text kept; line breaks stored as they were meant, tabs kept."""

from __future__ import annotations

import pytest

from storage.workspace import Workspace
from tests.web.conftest import (
    VALID,
    Site,
    answer,
    every_type_survey,
    post_form,
    question_box,
    stored,
    text_field,
    textarea,
)

MESSAGE = {
    "en": "Your answer had invisible characters that cannot be kept",
    "ja": "保存できない不可視の文字が含まれていたため",
}


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_comment_with_control_characters_is_refused_and_the_rest_kept(
    site: Site, workspace: Workspace, language: str
):
    survey = every_type_survey(workspace)
    fields = {**VALID, "comment": "Great\x00 coffee\x07, kind staff\x1b[2J"}

    refused = answer(site.client, f"/s/{survey.slug}", fields, lang=language)

    assert refused.status_code == 400
    assert stored(workspace, survey) == []
    assert MESSAGE[language] in question_box(refused.text, "comment")
    assert refused.text.count('<p class="error"') == 1  # the other answers were fine
    assert textarea(refused.text, "comment") == "Great coffee, kind staff[2J"
    assert text_field(refused.text, "store") == VALID["store"]
    assert "\x00" not in refused.text and "\x1b" not in refused.text

    again = {**fields, "comment": textarea(refused.text, "comment")}
    assert post_form(site.client, refused.text, again).status_code == 303
    assert stored(workspace, survey)[0]["comment"] == "Great coffee, kind staff[2J"


@pytest.mark.parametrize(
    ("qid", "change", "kept"),
    [
        ("store", {"store": "Shibuya\x1b"}, ("store", "Shibuya")),
        ("heard", {"heard": "other", "heard__other": "A post\x00er"}, ("heard__other", "A poster")),
    ],
)
def test_short_and_other_texts_refuse_control_characters_too(
    site: Site, workspace: Workspace, qid: str, change: dict, kept: tuple[str, str]
):
    survey = every_type_survey(workspace)

    refused = answer(site.client, f"/s/{survey.slug}", {**VALID, **change})

    assert refused.status_code == 400
    assert MESSAGE["en"] in question_box(refused.text, qid)
    assert text_field(refused.text, kept[0]) == kept[1]
    assert stored(workspace, survey) == []


def test_line_breaks_are_stored_as_newlines_and_count_once(site: Site, workspace: Workspace):
    """A browser sends a textarea's line breaks as CR LF: the 2,000 characters its
    maxlength allowed must not arrive as 2,250 and be refused. Tabs are text."""
    survey = every_type_survey(workspace)
    comment = "Latte\t4\r\n" * 250  # 2,000 characters with LF line breaks

    posted = answer(site.client, f"/s/{survey.slug}", {**VALID, "comment": comment})

    assert posted.status_code == 303
    assert stored(workspace, survey)[0]["comment"] == ("Latte\t4\n" * 250).strip()
