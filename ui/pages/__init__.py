"""The pages of the main window, one module each.

Every page is built as ``Page(context: AppContext, parent: QWidget | None = None)``.
"""
