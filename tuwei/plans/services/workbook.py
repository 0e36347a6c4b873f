"""A period's report as an xlsx template: download, fill in, upload.

The template carries the period and league/city it belongs to on a hidden sheet, so a
file made for another period or league/city is refused. An upload is checked whole
first: any bad row and nothing is saved; the problems are listed by row.
"""

from __future__ import annotations

from io import BytesIO
from typing import IO
from zipfile import BadZipFile

from django.http import HttpRequest
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

from tuwei.accounts.models import User
from tuwei.plans.errors import PlansError, ValuesError
from tuwei.plans.models import Report
from tuwei.plans.selectors.data import load_plan_data
from tuwei.plans.services.reports import check_bureau, check_period_open, report_save
from tuwei.plans.services.setup import ensure_report_values

MARKER = "tuwei-plan-report-v1"
META_SHEET = "tuwei"
HEADER_ROW = 5
MAX_TEMPLATE_BYTES = 2 * 2**20
MAX_ROWS = 500


def template_build(report: Report) -> bytes:
    rows = ensure_report_values(report)
    data = load_plan_data(report.period.plan)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Report")
    sheet.append([_("Plan"), report.period.plan.title])
    sheet.append([_("Period"), report.period.label])
    sheet.append([_("League/city"), report.region.name])
    sheet.append([_("Fill in column E (value) and, if needed, column F (note); keep column A.")])
    header = [_("Code"), _("Indicator"), _("Unit"), _("Target"), _("Value"), _("Note")]
    sheet.append(header)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", start_color="FFF4D6")
    for row in rows:
        target = data.region_target(row.indicator, report.region_id)
        sheet.append(
            [
                row.indicator.code,
                row.indicator.name,
                row.indicator.unit,
                target,
                None if row.value is None else float(row.value),
                row.note,
            ]
        )
        sheet.cell(row=sheet.max_row, column=5).fill = fill
    for column, width in zip("ABCDEF", (12, 40, 12, 14, 14, 40), strict=True):
        sheet.column_dimensions[column].width = width
    meta = workbook.create_sheet(META_SHEET)
    meta.append([MARKER])
    meta.append([report.period_id])
    meta.append([report.region.code])
    meta.sheet_state = "hidden"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _describe(period_id: object, region_code: object) -> str:
    from tuwei.accounts.models import Region
    from tuwei.plans.models import Period

    key = str(period_id)
    period = Period.objects.filter(pk=int(key)).first() if key.isdigit() else None
    region = Region.objects.filter(code=str(region_code)).first()
    return f"{period.label if period else '?'} · {region if region else '?'}"


def report_import(
    *,
    actor: User,
    report: Report,
    data: IO[bytes],
    name: str,
    size: int,
    request: HttpRequest | None = None,
) -> int:
    """Save the values of an uploaded template; returns the number of rows read."""
    check_bureau(actor, report)
    check_period_open(report.period)
    if size > MAX_TEMPLATE_BYTES:
        raise PlansError(
            PlansError.FILE_TOO_LARGE, code="file_too_large", limit=MAX_TEMPLATE_BYTES // 2**20
        )
    if not name.lower().endswith(".xlsx"):
        raise PlansError(PlansError.NOT_A_TEMPLATE, code="not_a_template")
    try:
        workbook = load_workbook(data, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise PlansError(PlansError.NOT_A_TEMPLATE, code="not_a_template") from exc
    try:
        if META_SHEET not in workbook.sheetnames:
            raise PlansError(PlansError.NOT_A_TEMPLATE, code="not_a_template")
        meta = [row[0] for row in workbook[META_SHEET].iter_rows(max_row=3, values_only=True)]
        if len(meta) < 3 or meta[0] != MARKER:
            raise PlansError(PlansError.NOT_A_TEMPLATE, code="not_a_template")
        if str(meta[1]) != str(report.period_id) or str(meta[2]) != report.region.code:
            raise PlansError(
                PlansError.TEMPLATE_MISMATCH,
                code="template_mismatch",
                found=_describe(meta[1], meta[2]),
                expected=f"{report.period.label} · {report.region}",
            )
        sheet = workbook[workbook.sheetnames[0]]
        values: dict[str, tuple[object, str]] = {}
        problems: list[tuple[str, str]] = []
        seen: dict[str, int] = {}
        for number, row in enumerate(
            sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=6, values_only=True),
            start=HEADER_ROW + 1,
        ):
            if number > HEADER_ROW + MAX_ROWS:
                break
            code = str(row[0]).strip() if row and row[0] is not None else ""
            value = row[4] if len(row) > 4 else None
            note = str(row[5]).strip() if len(row) > 5 and row[5] is not None else ""
            if not code:
                continue
            where = _("row %(row)s (%(code)s)") % {"row": number, "code": code}
            if code in seen:
                problems.append(
                    (where, _("indicator listed twice (also row %(row)s)") % {"row": seen[code]})
                )
                continue
            seen[code] = number
            values[code] = (value, note)
    finally:
        workbook.close()
    by_code = {row.indicator.code: row for row in ensure_report_values(report)}
    for code in values:
        if code not in by_code:
            problems.append(
                (
                    _("row %(row)s (%(code)s)") % {"row": seen[code], "code": code},
                    str(PlansError.NOT_IN_REPORT % {"indicator": code}),
                )
            )
    if not problems:
        try:
            report_save(actor=actor, report=report, values=values, source="xlsx", request=request)
        except ValuesError as exc:
            problems = [
                (_("row %(row)s (%(code)s)") % {"row": seen.get(code, "?"), "code": code}, message)
                for code, message in exc.problems
            ]
    if problems:
        raise ValuesError(PlansError.ROW_ERRORS, problems=problems, count=len(problems))
    return len(values)
