"""The Surveys page: the survey list and its detail pane, new/open survey dialogs,
templates, and the export dialog (CSV, Excel, PDF report)."""
