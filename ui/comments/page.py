"""The Comments page: every open-text answer, searchable (Japanese too), tagged, acted on.

The list is a lazily loading ``CommentsModel``; the right-hand side shows the
selected comment (tags, and the closed loop for a detractor) and the tags'
counts and NPS. New responses refresh the list (``responses_changed``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from storage import comments as comment_store
from storage import follow_up_tasks
from storage import surveys as survey_store
from storage.comments import TagStat
from storage.settings import Settings
from surveys.band_names import band_name, bands_of
from surveys.questions import Band, QuestionType
from surveys.tags import tag_label
from surveys.times import zone_named
from ui.comments.detail import CommentDetail
from ui.comments.keywords_dialog import KeywordsDialog
from ui.comments.model import COL_BAND, COL_DATE, COL_SCORE, COL_TEXT, CommentsModel
from ui.comments.tasks_dialog import TasksDialog
from ui.common.page_jobs import guarded
from ui.common.survey_labels import ui_language
from ui.common.widgets import heading_font
from ui.context import AppContext

SEARCH_DELAY_MS = 250
FIND_PAGES = 5  # how far down the list show_comment looks for its comment


class CommentsPage(QWidget):
    """Comments with search, filters, tags and the detractors' follow-up."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        title = QLabel(self.tr("Comments"))
        title.setFont(heading_font(title.font(), 1.3))
        self.survey = QComboBox()
        self.survey.setObjectName("comments_survey")
        # A long survey title is elided rather than pushing the other filters off the row.
        self.survey.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.survey.setMinimumContentsLength(18)
        self.search = QLineEdit()
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("M" * 16))
        self.search.setObjectName("comments_search")
        self.search.setPlaceholderText(self.tr("Search comments (価格, 対応, price…)"))
        self.search.setClearButtonEnabled(True)
        self.band = QComboBox()
        self.band.setObjectName("comments_band")
        self.band.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._kinds: dict[int, QuestionType] = {}  # survey → its score's question type
        self._band_kinds: tuple[QuestionType, ...] = ()
        self._fill_bands()
        self.tag = QComboBox()
        self.tag.setObjectName("comments_tag")
        self.tag.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count = QLabel()
        self.keywords_button = QPushButton(self.tr("Tag keywords…"))
        self.keywords_button.clicked.connect(self.edit_keywords)
        # The escalation rules' tasks (ui.comments.tasks_dialog), with the open ones counted.
        self.tasks_button = QPushButton(self.tr("Follow-up tasks"))
        self.tasks_button.setObjectName("follow_up_tasks_button")
        self.tasks_button.clicked.connect(self.show_tasks)

        # The page's own actions beside its title; the row below only filters.
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.keywords_button)
        heading.addWidget(self.tasks_button)
        filters = QHBoxLayout()
        filters.addWidget(self.survey)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.band)
        filters.addWidget(self.tag)

        self.model = CommentsModel(
            context.worker,
            self,
            language=ui_language(context),
            zone=zone_named(context.settings.time_zone),
        )
        self.table = QTableView()
        self.table.setObjectName("comments_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_DATE, 96)
        header.resizeSection(COL_SCORE, 64)
        header.resizeSection(COL_BAND, 96)

        self.detail = CommentDetail(context)
        self.stats = QTreeWidget()
        self.stats.setObjectName("tag_stats")
        self.stats.setRootIsDecorated(False)
        self.stats.setHeaderLabels([self.tr("Tag"), self.tr("Comments"), self.tr("NPS")])
        stats_header = self.stats.header()
        stats_header.setStretchLastSection(False)
        stats_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # the figures whole, the tag's name takes what is left
            stats_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.stats.itemActivated.connect(self._on_stat_activated)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.detail, 3)
        tags_title = QLabel(self.tr("Tags"))
        tags_title.setFont(heading_font(tags_title.font(), 1.1))
        side_layout.addWidget(tags_title)
        side_layout.addWidget(self.stats, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.band.currentIndexChanged.connect(self._apply_filter)
        self.tag.currentIndexChanged.connect(self._apply_filter)
        self.survey.currentIndexChanged.connect(self._apply_filter)
        self.model.loaded.connect(self._on_loaded)
        self.model.fetched.connect(self._select_wanted)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.detail.tags_changed.connect(self._on_tags_changed)
        context.responses_changed.connect(self._on_responses_changed)
        context.surveys_changed.connect(self.reload_choices)
        context.settings_changed.connect(self._on_settings_changed)
        self._loaded_once = False
        self._wanted: tuple[int, int] | None = None  # (survey, answer) to select once listed
        self._wanted_pages = 0

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded_once:
            self._loaded_once = True
            self.reload_choices()
        self.count_tasks()

    # Data ----------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Refill the survey and tag choices, then the list and the tag stats."""

        language = ui_language(self.context)
        # Archived surveys are left out of the choice, unless one is asked for.
        wanted = self._wanted[0] if self._wanted is not None else self.survey.currentData()

        def job(db: Database) -> tuple[list[tuple[int, str]], list[str], dict[int, QuestionType]]:
            comment_store.apply_pending(db)
            summaries = [s for s in survey_store.list_all(db) if not s.archived or s.id == wanted]
            surveys = [(s.id, s.title.get_for(language)) for s in summaries]
            kinds = {}
            for summary in summaries:
                headline = survey_store.get(db, summary.id).headline_question
                if headline is not None and headline.scale is not None:
                    kinds[summary.id] = headline.type
            return surveys, comment_store.all_tags(db), kinds

        def done(
            result: tuple[list[tuple[int, str]], list[str], dict[int, QuestionType]],
        ) -> None:
            surveys, tags, self._kinds = result
            self._fill(self.survey, self.tr("All surveys"), surveys)
            # The choice holds the stored key, the text is what the user reads (価格).
            labelled = sorted(((t, tag_label(t, language)) for t in tags), key=lambda p: p[1])
            self._fill(self.tag, self.tr("All tags"), list(labelled))
            self.detail.set_tag_choices(tags)
            self.model.language = language
            if self._wanted is not None:
                self._choose_survey(self._wanted[0])
            self._apply_filter()

        self.context.worker.submit(job, guarded(self, done))

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _fill_bands(self) -> None:
        """The band choices in the words of the chosen survey's kind (Dissatisfied for
        CSAT, Detractors for NPS); for all surveys, each kind's word for the band."""
        survey_id = self.survey.currentData()
        if survey_id is not None:
            kinds: tuple[QuestionType, ...] = tuple(
                [self._kinds[survey_id]] if survey_id in self._kinds else ()
            )
        else:
            kinds = tuple(sorted(set(self._kinds.values()), key=list(QuestionType).index))
        kinds = kinds or (QuestionType.NPS,)
        if kinds == self._band_kinds and self.band.count():
            return
        self._band_kinds = kinds
        language = ui_language(self.context)
        current = self.band.currentData()
        self.band.blockSignals(True)
        self.band.clear()
        self.band.addItem(self.tr("All categories"), None)
        for band in (Band.DETRACTOR, Band.PASSIVE, Band.PROMOTER):  # the worst first
            names = dict.fromkeys(
                band_name(kind, band, language, plural=True)
                for kind in kinds
                if band in bands_of(kind)
            )
            if names:
                self.band.addItem(" / ".join(names), band)
        self.band.setCurrentIndex(max(0, self.band.findData(current)))
        self.band.blockSignals(False)

    def _apply_filter(self) -> None:
        self._fill_bands()
        band = self.band.currentData()  # Qt hands the enum back as its str value
        self.model.update_filter(
            survey_id=self.survey.currentData(),
            search=self.search.text().strip(),
            band=None if band is None else Band(band),
            tag=self.tag.currentData(),
        )
        self._refresh_stats()

    def _refresh_stats(self) -> None:
        survey_id = self.survey.currentData()

        language = ui_language(self.context)

        def done(stats: list[TagStat]) -> None:
            self.stats.clear()
            for stat in stats:
                nps = "—" if stat.nps is None else f"{stat.nps:+.0f}"
                label = tag_label(stat.tag, language)
                item = QTreeWidgetItem([label, str(stat.comments), nps])
                item.setData(0, Qt.ItemDataRole.UserRole, stat.tag)
                for column in (1, 2):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                self.stats.addTopLevelItem(item)
            self.stats.resizeColumnToContents(0)

        self.context.worker.submit(
            lambda db: comment_store.tag_stats(db, survey_id), guarded(self, done)
        )

    def show_comment(self, survey_id: int, answer_id: int) -> None:
        """List ``survey_id``'s comments, every one, with ``answer_id``'s selected
        (asked for from the Results page's responses)."""
        self._wanted, self._wanted_pages = (survey_id, answer_id), 0
        for combo in (self.band, self.tag):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if self._loaded_once:  # else the first showEvent loads the choices, then the list
            self._choose_survey(survey_id)
            self._apply_filter()

    def _choose_survey(self, survey_id: int) -> None:
        self.survey.blockSignals(True)
        self.survey.setCurrentIndex(max(0, self.survey.findData(survey_id)))
        self.survey.blockSignals(False)

    def _select_wanted(self) -> None:
        if self._wanted is None:
            return
        for row in range(self.model.rowCount()):
            comment = self.model.comment(row)
            if comment is not None and comment.answer_id == self._wanted[1]:
                self._wanted = None
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, COL_TEXT))
                self.table.setFocus()
                return
        # Newest first: a recent comment is on the first pages; an old one is not
        # hunted for through the whole list.
        self._wanted_pages += 1
        if self._wanted_pages < FIND_PAGES and self.model.canFetchMore():
            self.model.fetchMore()
        else:
            self._wanted = None

    def _on_loaded(self, total: int) -> None:
        if self.model.filter.band is Band.DETRACTOR:
            # The closed loop: every detractor response, with a comment or without.
            text = self.tr("%n detractor response(s), with or without a comment", "", total)
            self.count.setText(text)
        else:
            self.count.setText(self.tr("%n comment(s)", "", total))
        self.detail.show_comment(None)
        self._select_wanted()

    def _on_current(self, current: object, _previous: object) -> None:
        row = current.row() if hasattr(current, "row") else -1  # type: ignore[attr-defined]
        self.detail.show_comment(self.model.comment(row))

    def _on_tags_changed(self, answer_id: int, tags: list[str]) -> None:
        self.model.set_tags(answer_id, tags)
        self._refresh_stats()

    def _on_stat_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        index = self.tag.findData(item.data(0, Qt.ItemDataRole.UserRole))
        if index >= 0:
            self.tag.setCurrentIndex(index)

    def _on_settings_changed(self, settings: Settings) -> None:
        self.model.set_zone(zone_named(settings.time_zone))
        self.detail.show_meta()

    def _on_responses_changed(self, _survey_id: int) -> None:
        if self._loaded_once:
            self._apply_filter()
            self.count_tasks()

    def count_tasks(self) -> None:
        def done(count: int) -> None:
            text = self.tr("Follow-up tasks (%n open)", "", count) if count else ""
            self.tasks_button.setText(text or self.tr("Follow-up tasks"))

        self.context.worker.submit(follow_up_tasks.open_count, guarded(self, done))

    def show_tasks(self) -> TasksDialog:
        """Open the follow-up tasks (non-blocking); returns the dialog so tests can drive it."""
        dialog = TasksDialog(self.context, self)
        dialog.changed.connect(self.count_tasks)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def edit_keywords(self) -> KeywordsDialog:
        """Open the keyword lists (non-blocking); returns the dialog so tests can drive it."""
        dialog = KeywordsDialog(self.context, self)
        dialog.saved.connect(self.reload_choices)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
