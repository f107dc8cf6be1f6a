"""Imports: reading an uploaded CSV or XLSX file into a header row and rows of text cells.

CSV: UTF-8 with or without BOM, separator ``,``, ``;`` or tab (the one the header line uses
most). XLSX: the first sheet, through openpyxl (read-only, computed values). Dates, times and
whole numbers of a spreadsheet become the text a person would type (``2026-07-14``,
``19:30``, ``3``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

import openpyxl

from coulisses.errors import DomainError

#: Largest file accepted (the app's body limit is 1 MB, multipart envelope included).
MAX_FILE_BYTES = 800_000
#: Most data rows in one file.
MAX_ROWS = 5000
MAX_COLUMNS = 50
MAX_CELL = 2000


@dataclass(frozen=True, slots=True)
class Sheet:
    """The header names and the data rows: (line number in the file, cells by header)."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DomainError(
            "import.invalid_encoding",
            "The CSV file must be UTF-8 (with or without BOM)",
            details={"position": exc.start},
            status=422,
        ) from exc
    first = text.split("\n", 1)[0]
    separator = max((";", ",", "\t"), key=first.count)
    try:
        return [
            [c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=separator)
        ]
    except csv.Error as exc:
        raise DomainError(
            "import.unreadable_file", f"The CSV file cannot be read: {exc}", status=422
        ) from exc


def _read_xlsx(data: bytes) -> list[list[str]]:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DomainError(
            "import.unreadable_file", "The XLSX file cannot be read", status=422
        ) from exc
    try:
        sheet = book.worksheets[0]
        out: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True):
            out.append([_cell(v) for v in row])
            if len(out) > MAX_ROWS + 1:
                break
        return out
    finally:
        book.close()


def read_file(file_name: str, data: bytes) -> Sheet:
    """The header row and the non-blank data rows of a CSV or XLSX file (422 ``import.*``)."""
    if len(data) > MAX_FILE_BYTES:
        raise DomainError(
            "import.file_too_large",
            f"A file has at most {MAX_FILE_BYTES} bytes",
            details={"max": MAX_FILE_BYTES},
            status=422,
        )
    name = file_name.lower()
    if name.endswith((".csv", ".txt")):
        table = _read_csv(data)
    elif name.endswith(".xlsx"):
        table = _read_xlsx(data)
    else:
        raise DomainError(
            "import.unsupported_format",
            "Send a .csv or .xlsx file",
            details={"formats": ["csv", "xlsx"]},
            status=422,
        )
    while table and not any(table[0]):
        table.pop(0)
    if not table:
        raise DomainError("import.empty_file", "The file has no header row", status=422)
    headers = table[0]
    while headers and not headers[-1]:
        headers = headers[:-1]
    if len(headers) > MAX_COLUMNS:
        raise DomainError(
            "import.too_many_columns",
            f"A file has at most {MAX_COLUMNS} columns",
            details={"max": MAX_COLUMNS},
            status=422,
        )
    seen: set[str] = set()
    for header in headers:
        if not header:
            raise DomainError(
                "import.invalid_header", "A column of the header row has no name", status=422
            )
        if header.lower() in seen:
            raise DomainError(
                "import.duplicate_column",
                f"Column {header[:100]!r} appears twice",
                details={"column": header[:100]},
                status=422,
            )
        seen.add(header.lower())
    rows: list[tuple[int, list[str]]] = []
    for index, raw in enumerate(table[1:], start=2):
        cells = [c[:MAX_CELL] for c in raw[: len(headers)]]
        if not any(cells):
            continue
        cells += [""] * (len(headers) - len(cells))
        rows.append((index, cells))
        if len(rows) > MAX_ROWS:
            raise DomainError(
                "import.too_many_rows",
                f"A file has at most {MAX_ROWS} rows",
                details={"max": MAX_ROWS},
                status=422,
            )
    if not rows:
        raise DomainError("import.no_rows", "The file has no data row", status=422)
    return Sheet(headers, rows)


def write_csv(header: list[str], rows: list[list[Any]]) -> bytes:
    """A comma-separated CSV in UTF-8 with a BOM (so that Excel reads accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(header: list[str], rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
