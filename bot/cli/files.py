"""`roadmap export`, `diff`, `draft`: the files people take away — every project, what changed
between two editions, the next edition's draft."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.group import check_binary, db_option, emit, friendly, header_option, out_option
from bot.cli_support import check_out, edition_or_error, language, open_store, say
from bot.errors import CommandError, UsageMistake


@click.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "xlsx"]), default="json")
@click.option("--edition", default=None, help="Only this edition, e.g. R7.")
@click.option(
    "--table",
    type=click.Choice(["projects", "initiatives"]),
    default="projects",
    help="CSV: one row per project, or per initiative and year (long form).",
)
@header_option
@out_option
@db_option
@friendly
def export(
    fmt: str,
    edition: str | None,
    table: str,
    header: str,
    out: Path | None,
    db_path: Path | None,
) -> None:
    """Every project as JSON, CSV (UTF-8 with BOM, for Excel) or XLSX (事業/取組/実績記録)."""
    from bot import export as exporting

    check_binary(fmt, out)
    check_out(out)
    store = open_store(db_path)
    code = edition_or_error(store, edition) if edition else None
    emit(exporting.export_file(store, code, fmt, header=header, table=table), out)


@click.command()
@click.argument("older")
@click.argument("newer")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text")
@out_option
@db_option
@friendly
def diff(older: str, newer: str, fmt: str, out: Path | None, db_path: Path | None) -> None:
    """What changed between two editions (added, ended, renamed, budgets, periods, summaries)."""
    from bot import diff as diffing
    from bot import diff_text

    check_out(out)
    store = open_store(db_path)
    old_code, new_code = (edition_or_error(store, label) for label in (older, newer))
    if old_code == new_code:
        codes = [e.code for e in store.editions()]
        example = " ".join(codes[-2:]) if len(codes) > 1 else "R6 R7"
        raise UsageMistake("cli_diff_same", example=example)
    order = [e.code for e in store.editions()]  # oldest first
    if order.index(old_code) > order.index(new_code):
        old_code, new_code = new_code, old_code
        click.echo(say("cli_diff_reordered", older=old_code, newer=new_code), err=True)
    d = diffing.diff_editions(store, old_code, new_code)
    if fmt == "json":
        text = diff_text.to_json(d) + "\n"
    else:
        text = diff_text.to_text(d, markdown=fmt == "md", lang=language())
    emit(text.encode("utf-8"), out)


@click.command()
@click.argument("target")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "xlsx", "txt"]), default="md")
@click.option("--field", default=None, help="Only this field (分野), e.g. 産業・しごと.")
@click.option(
    "--per-field",
    "per_field",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write one file per field into this folder.",
)
@out_option
@db_option
@friendly
def draft(
    target: str,
    fmt: str,
    field: str | None,
    per_field: Path | None,
    out: Path | None,
    db_path: Path | None,
) -> None:
    """The next edition's draft (e.g. R8), with the actual results reported so far: every
    field in one file, one --field, or --per-field files."""
    from bot import draft as drafting
    from bot.fiscal_year import FiscalYear

    year = FiscalYear.try_parse(target)
    if year is None:
        raise UsageMistake("cli_not_a_year", value=target)
    check_binary(fmt, out)
    check_out(out)
    store = open_store(db_path)
    latest = store.latest_edition()
    if latest is None:
        raise CommandError("empty_store")
    latest_year = FiscalYear.try_parse(latest.rsplit(":", 1)[-1])
    if latest_year is not None and year.western <= latest_year.western:
        following = (latest_year + 1).code
        raise UsageMistake("cli_draft_year", target=year.code, latest=latest, next=following)
    projects = drafting.draft_projects(store, year.code, field)
    if field is not None and not projects:
        fields = "、".join(store.fields()) or "—"
        raise UsageMistake("cli_no_field", field=field, fields=fields)
    if per_field is None:
        emit(drafting.render(projects, year.code, fmt), out)
        return
    per_field.mkdir(parents=True, exist_ok=True)  # the folder the user named
    for number, (name, part) in enumerate(drafting.by_field(projects).items(), start=1):
        path = per_field / drafting.safe_filename("draft", year.code, f"field{number}", ext=fmt)
        emit(drafting.render(part, year.code, fmt), path)
        click.echo(say("cli_draft_field_file", path=path, field=name or "—", n=len(part)))
