"""QtCharts views of survey results."""
