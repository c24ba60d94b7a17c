"""Audits of sent replies: `empathylint audit EXPORT...` scores a helpdesk's export of past
replies (JSONL or CSV) against the checklist, in constant memory, and sums up what a QA lead
reads: pass rates per checklist item overall, per agent and per macro, the most frequent
findings, the worst replies and the share ready to send.

The modules follow the flow, one job each:
  records.py   Row (a reply and what the export says of it), BadRow, Columns (where each is)
  rows.py      an export, streamed: a Row per reply, a BadRow per line that is not one
  totals.py    ReplyResult (one reply's outcome) and AuditTotals (mergeable sums)
  checker.py   AuditSpec (picklable settings) and the per-reply check, through the API
  running.py   chunks of rows over a process pool, merged into one AuditTotals
  render.py    the summary as a rich table, CSV or JSON
  on_dask.py   the same check and totals over a dask.bag, a dask.dataframe or a cluster
  command.py   what `empathylint audit` does between parsing and the exit code

Nothing here is imported by `empathylint check`; dask is imported only by on_dask.py."""
