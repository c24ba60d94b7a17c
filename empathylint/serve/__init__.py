"""`empathylint serve`: a local page to paste a draft into, for agents who never open a
terminal. The same checks, settings and fixes as the CLI, through `empathylint.api`.

  guard.py    who may talk to the server and how much they may send; the response headers
  desk.py     the JSON API's work: a draft in, findings, checklist and verdict out; fixes
  server.py   the HTTP server (standard library), its routes and the static page
  static/     the page itself: HTML, CSS and JavaScript, served from the package

Nothing here is imported by `check`: the CLI imports this package only for `serve`."""
