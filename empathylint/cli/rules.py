"""`empathylint rules` and `empathylint explain`: the rules, listed and documented."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from empathylint.cli.options import fail

RULES_TABLE_WIDTH = 120
"""Below this many columns `rules` lists the rules one block each instead of a table."""


def rules(
    output_format: Annotated[str, typer.Option(help="rich (a table, the default) or json.")] = "rich",
) -> None:
    """List every rule: id, checklist item, default severity, profiles and fix."""
    from rich.table import Table

    from empathylint.checklist import ITEMS_BY_KEY
    from empathylint.reporters.lines import print_lines, wrap
    from empathylint.reporters.rich_report import make_console
    from empathylint.rules import RULES

    if output_format == "json":
        from empathylint.reporters import writes_unicode
        from empathylint.reporters.rule_docs import rules_json

        typer.echo(rules_json(RULES, ascii_only=not writes_unicode(sys.stdout)), nl=False)
        return
    if output_format != "rich":
        raise fail(f"--output-format must be rich or json, not {output_format!r}")
    console = make_console()
    if console.width < RULES_TABLE_WIDTH:
        # Too narrow for a table: one block per rule, its id on a line of its own, never cut.
        for rule in RULES:
            item = ITEMS_BY_KEY[rule.item]
            for rule_id, code in zip(rule.ids, rule.codes, strict=True):
                details = [
                    f"{item.number}. {item.title}" if item.number else item.title,
                    code.severity.label,
                    ", ".join(sorted(rule.profiles)),
                    f"fix: {code.fix}",
                ]
                print_lines(
                    console,
                    [
                        [(rule_id, "bold")],
                        *wrap([("    " + " · ".join(details), "")], console.width, 4),
                        *wrap([("    " + code.summary, "")], console.width, 4),
                    ],
                )
        return
    table = Table("id", "checklist item", "severity", "profiles", "fix", "what it flags", box=None)
    table.columns[0].no_wrap = True  # an id is what users copy into a directive: never cut it
    for rule in RULES:
        item = ITEMS_BY_KEY[rule.item]
        for rule_id, code in zip(rule.ids, rule.codes, strict=True):
            table.add_row(
                rule_id,
                f"{item.number}. {item.title}" if item.number else item.title,
                code.severity.label,
                ", ".join(sorted(rule.profiles)),
                code.fix,
                code.summary,
            )
    console.print(table)


def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule group or id, e.g. use-their-name.")],
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--config", help="Show the settings this checklist.toml puts in force."),
    ] = None,
    isolated: Annotated[bool, typer.Option(help="Show the built-in settings only.")] = False,
) -> None:
    """Show a rule's documentation (what it does, why it matters, an example, what to write
    instead) and the settings in force here."""
    from rich.markdown import Markdown
    from rich.text import Text

    from empathylint.api import Settings
    from empathylint.config import ConfigError
    from empathylint.reporters.rich_report import make_console
    from empathylint.reporters.rule_docs import rule_markdown, settings_toml
    from empathylint.rules import rule_by_id

    rule = rule_by_id(rule_id)
    if rule is None or (rule_id != rule.group and rule_id not in rule.ids):
        raise fail(f"unknown rule {rule_id!r}; `empathylint rules` lists them")
    try:
        settings = Settings(config=config, folder=None if isolated else Path.cwd()).internal_config
    except ConfigError as error:
        raise fail(str(error)) from None
    console = make_console()
    console.soft_wrap = False  # prose wraps at the terminal's width instead of being cut
    console.print(Markdown(rule_markdown(rule, settings)))
    console.print()
    console.print(Text(f"# Settings in force (from {', '.join(settings.sources)}):", style="bold"), soft_wrap=True)
    # Never wrapped by rich: what is printed here is pasted into checklist.toml.
    console.print(Text(settings_toml(rule, settings)), end="", soft_wrap=True)
