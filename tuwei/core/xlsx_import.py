"""Registry rows from an xlsx workbook, and the workbook a registry exports.

One format for both directions: row 1 of the first sheet holds stable column keys
(`title`, `trl`, `host_credit_code`…), the rows below hold values. The reader finds
columns by key, so their order does not matter and extra columns are ignored; a file
whose first row lacks a required key is the wrong template and is refused as a whole.

Each row is checked by a callable — usually a Django form built from the row, using
the fields below for flags, codes and lists — and saved by another, inside a
savepoint. A file with any bad row saves nothing unless the caller passes
`import_valid_rows=True`; either way every bad row is reported with its row number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from typing import IO, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook

from tuwei.core.errors import DomainError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_SEPARATORS = re.compile(r"[;；,，、\n]+")


@dataclass(frozen=True)
class Column:
    key: str
    meaning: str | Promise
    required: bool = False  # the template check: the first row must name it
    codes: Sequence[tuple[str, str | Promise]] = ()  # allowed values, listed in the template


@dataclass(frozen=True)
class Sheet:
    """A registry's import/export format."""

    name: str | Promise  # shown in messages: "the platforms template"
    columns: tuple[Column, ...]

    @property
    def required(self) -> list[str]:
        return [column.key for column in self.columns if column.required]


@dataclass(frozen=True)
class Row:
    number: int  # the spreadsheet row, as the user sees it
    values: dict[str, str]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.column:
            return gettext("Row %(row)s: %(problem)s") % {"row": self.row, "problem": self.message}
        return gettext("Row %(row)s, %(column)s: %(problem)s") % {
            "row": self.row,
            "column": self.column,
            "problem": self.message,
        }


@dataclass
class ImportResult:
    rows: int
    saved: int
    errors: list[RowError] = field(default_factory=list)

    @property
    def rolled_back(self) -> bool:
        """Bad rows kept the whole file out."""
        return bool(self.errors) and self.saved == 0


class ImportFileError(DomainError):
    """The file as a whole cannot be read as this template."""

    NOT_XLSX = _("The file is not an Excel workbook (.xlsx).")
    TOO_BIG = _("The file is larger than %(limit)s MB.")
    EMPTY = _("The file holds no rows to import.")
    TOO_MANY_ROWS = _("The file has more than %(limit)s rows; split it into several files.")
    WRONG_TEMPLATE = _(
        "This is not the %(template)s template: its first row lacks the column(s) %(columns)s. "
        "Download the template and copy your rows into it."
    )


def cell_text(value: Any) -> str:
    """A cell as the text a form field parses: dates as ISO dates, 12.0 as "12"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(
    sheet: Sheet,
    data: IO[bytes],
    *,
    name: str = "",
    size: int | None = None,
    max_rows: int = MAX_ROWS,
) -> list[Row]:
    """The first sheet's rows by column key; raises ImportFileError for the file as a whole."""
    if name and not name.lower().endswith(".xlsx"):
        raise ImportFileError(ImportFileError.NOT_XLSX, code="not_xlsx")
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            ImportFileError.TOO_BIG, code="too_big", limit=MAX_UPLOAD_BYTES // 2**20
        )
    try:
        workbook = load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise ImportFileError(ImportFileError.NOT_XLSX, code="not_xlsx") from exc
    try:
        lines = workbook.worksheets[0].iter_rows(values_only=True) if workbook.worksheets else None
        header = next(lines, None) if lines is not None else None
        keys = [cell_text(cell).lower() for cell in header or ()]
        missing = [key for key in sheet.required if key not in keys]
        if missing:
            raise ImportFileError(
                ImportFileError.WRONG_TEMPLATE,
                code="wrong_template",
                template=sheet.name,
                columns=", ".join(missing),
            )
        known = {column.key for column in sheet.columns}
        index = {key: pos for pos, key in reversed(list(enumerate(keys))) if key in known}
        rows: list[Row] = []
        assert lines is not None  # a header was found above
        for number, line in enumerate(lines, start=2):
            values = {
                key: cell_text(line[pos]) if pos < len(line) else "" for key, pos in index.items()
            }
            if not any(values.values()):
                continue
            if len(rows) == max_rows:
                raise ImportFileError(
                    ImportFileError.TOO_MANY_ROWS, code="too_many_rows", limit=f"{max_rows:,}"
                )
            rows.append(Row(number, values))
    finally:
        workbook.close()
    if not rows:
        raise ImportFileError(ImportFileError.EMPTY, code="empty")
    return rows


class _Rollback(Exception):
    """Leaves the import's transaction so that nothing of it is kept."""


def _row_errors(number: int, exc: ValidationError) -> list[RowError]:
    if hasattr(exc, "error_dict"):
        return [
            RowError(number, "" if key == "__all__" else key, message)
            for key, messages in exc.message_dict.items()
            for message in messages
        ]
    return [RowError(number, "", message) for message in exc.messages]


def import_rows(
    rows: Sequence[Row], *, save_row: Callable[[Row], object], import_valid_rows: bool
) -> ImportResult:
    """Check and save each row in its own savepoint, collecting every row's problems.

    `save_row` raises ValidationError (per column, e.g. from `validated`) or a
    DomainError (a service refused the row). Without `import_valid_rows`, one bad row
    rolls back every row saved before it, so the file is imported whole or not at all.
    """
    errors: list[RowError] = []
    saved = 0
    try:
        with transaction.atomic():
            for row in rows:
                try:
                    with transaction.atomic():
                        save_row(row)
                except ValidationError as exc:
                    errors.extend(_row_errors(row.number, exc))
                except DomainError as exc:
                    errors.append(RowError(row.number, getattr(exc, "column", ""), str(exc)))
                except IntegrityError:
                    errors.append(
                        RowError(row.number, "", gettext("It conflicts with an existing record."))
                    )
                else:
                    saved += 1
            if errors and not import_valid_rows:
                raise _Rollback
    except _Rollback:
        saved = 0
    return ImportResult(rows=len(rows), saved=saved, errors=errors)


def validated(form: forms.BaseForm) -> dict[str, Any]:
    """The form's cleaned data, or a ValidationError keyed by column."""
    if not form.is_valid():
        raise ValidationError(
            {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        )
    return form.cleaned_data


class FlagField(forms.Field):
    """1/0, yes/no, true/false, 是/否 — empty reads as no."""

    TRUE = frozenset({"1", "yes", "y", "true", "是"})
    FALSE = frozenset({"0", "no", "n", "false", "否", ""})
    default_error_messages = {"invalid": _("%(value)s is not 1 or 0.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> bool:
        text = str(value or "").strip().lower()
        if text not in self.TRUE | self.FALSE:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            )
        return text in self.TRUE


class CodeField(forms.ChoiceField):
    """A choice given by its code or by its label in the reader's language."""

    default_error_messages = {"invalid_choice": _("%(value)s is not one of the listed codes.")}

    def __init__(self, *, choices: Sequence[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(choices=choices, **kwargs)
        self.codes = list(choices)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value).strip()
        for code, label in self.codes:
            if text.lower() in {str(code).lower(), str(label).lower()}:
                return str(code)
        return text


class SplitListWidget(forms.Widget):
    """One cell holding several values separated by ; , 、 or line breaks."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        value = data.get(name) or ""
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        return [part.strip() for part in LIST_SEPARATORS.split(str(value)) if part.strip()]


def by_code(queryset: Any, field_name: str, **kwargs: Any) -> forms.ModelChoiceField:
    """A foreign key given by a code column (region code, node code, credit code)."""
    return forms.ModelChoiceField(
        queryset=queryset,
        to_field_name=field_name,
        error_messages={"invalid_choice": _("%(value)s is not a known code.")},
        **kwargs,
    )


def many_by_code(queryset: Any, field_name: str, **kwargs: Any) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=queryset,
        to_field_name=field_name,
        widget=SplitListWidget,
        error_messages={"invalid_choice": _("%(value)s is not a known code.")},
        **kwargs,
    )


def write_workbook(sheet: Sheet, rows: Iterable[Mapping[str, Any]]) -> bytes:
    """Row 1 = the column keys, then the rows; a second sheet explains every column.

    With no rows this is the empty template a user fills in.
    """
    workbook = Workbook(write_only=True)
    data = workbook.create_sheet(str(sheet.name)[:31] or "data")
    keys = [column.key for column in sheet.columns]
    data.append(keys)
    for row in rows:
        data.append([_cell(row.get(key)) for key in keys])
    notes = workbook.create_sheet(gettext("columns")[:31])
    notes.append([gettext("Column"), gettext("Required"), gettext("Meaning"), gettext("Codes")])
    for column in sheet.columns:
        codes = "; ".join(f"{code} = {label}" for code, label in column.codes)
        required = gettext("yes") if column.required else gettext("no")
        notes.append([column.key, required, str(column.meaning), codes])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return value
