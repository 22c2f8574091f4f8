"""The Results page's dashboard: filters, charts, the data behind them and big-screen mode."""
