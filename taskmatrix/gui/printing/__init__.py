"""Assignment sheets (任务分工清单): built from the plan, rendered with QtGui only, so the same
code prints from the app (print preview, printer, PDF) and headless (``main.py sheets``)."""
