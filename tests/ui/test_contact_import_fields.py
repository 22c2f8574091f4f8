"""The import dialog can show every field the engine proposes: a column the engine
reads as セイ (family furigana) or a birthday must not turn into the name."""

from __future__ import annotations

import pytest

import contacts as cf
from tests.contacts.test_layouts import EXPECTED, FIXTURES
from ui.contacts.import_dialog import STEP_MAPPING, ContactImportDialog
from ui.contacts.import_words import field_names

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_every_field_has_a_place_in_the_combo_box():
    assert sorted(key for key, _label in field_names()) == sorted(cf.FIELDS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_dialog_starts_from_the_proposed_mapping(qtbot, context, name):
    table = cf.read_table(FIXTURES / name)
    dialog = ContactImportDialog(FIXTURES / name, "JP", context.workspace, context.worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING, timeout=20_000)
    assert dialog.chosen_mapping() == cf.propose_mapping(table.header)
