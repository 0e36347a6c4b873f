"""Building small workbooks for import tests."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook


def workbook_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(header: list[str], rows: list[list[Any]], name: str = "rows.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, workbook_bytes(header, rows))


def read_sheet(content: bytes) -> list[dict[str, Any]]:
    """The first sheet of a workbook as dicts by the header row's keys."""
    sheet = load_workbook(BytesIO(content), read_only=True).worksheets[0]
    lines = list(sheet.iter_rows(values_only=True))
    keys = [str(cell) for cell in lines[0]]
    return [dict(zip(keys, line, strict=False)) for line in lines[1:]]
