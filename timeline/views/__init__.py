"""What the dashboard and the CLI show: figures, dashboard helpers, the share link, exports.

Figures are pure functions of the event table and the view.
"""
