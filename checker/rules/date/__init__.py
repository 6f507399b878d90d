"""Date rules: weekdays against dates, relative phrases resolved (`checker.article_date`)."""
