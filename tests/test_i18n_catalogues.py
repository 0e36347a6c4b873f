"""The three message catalogues are complete, consistent and current with the sources.

No database needed. The up-to-date check runs `manage.py i18n_sync --check`, which needs
GNU gettext (xgettext); the other tests read the committed .po/.mo files with polib.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import opencc
import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

LOCALES = ("zh_Hans", "zh_Hant", "en")
PLURAL_FORMS = {
    "zh_Hans": "nplurals=1; plural=0;",
    "zh_Hant": "nplurals=1; plural=0;",
    "en": "nplurals=2; plural=(n != 1);",
}
# %(name)s, %d, %.2f, %% and {name} / {0} / {}; no space flag, so "30% of" is not a token.
PLACEHOLDER = re.compile(
    r"%(?:\([^)]+\))?[-#0+]*\d*(?:\.\d+)?[sdifrxXeEgGcoa%]|\{[A-Za-z_]\w*\}|\{\d*\}"
)


def catalogue(locale: str) -> polib.POFile:
    path = Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing: run `make messages`"
    return polib.pofile(str(path))


def entries(po: polib.POFile) -> list[polib.POEntry]:
    """Every real entry: polib keeps the header apart, obsolete ones are left out."""
    return [entry for entry in po if not entry.obsolete]


def forms(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def offenders(found: list[str]) -> str:
    return f"{len(found)} offending entr{'y' if len(found) == 1 else 'ies'}:\n  " + "\n  ".join(
        found
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_it_translates_every_entry_and_leaves_none_fuzzy(locale: str) -> None:
    po = catalogue(locale)
    untranslated = [repr(e.msgid) for e in entries(po) if not e.fuzzy and not all(forms(e))]
    fuzzy = [repr(e.msgid) for e in entries(po) if e.fuzzy]
    assert entries(po), f"{locale} has no entries"
    assert not untranslated, f"{locale} untranslated: {offenders(untranslated)}"
    assert not fuzzy, f"{locale} fuzzy: {offenders(fuzzy)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_it_keeps_every_placeholder_of_the_source(locale: str) -> None:
    wrong = []
    for entry in entries(catalogue(locale)):
        allowed = [placeholders(entry.msgid)]
        if entry.msgid_plural:
            allowed.append(placeholders(entry.msgid_plural))
        for text in forms(entry):
            if text and placeholders(text) not in allowed:
                wrong.append(f"{entry.msgid!r} -> {text!r}")
    assert not wrong, f"{locale} placeholders differ: {offenders(wrong)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_it_sets_a_clean_header(locale: str) -> None:
    po = catalogue(locale)
    assert po.metadata["Language"] == locale
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[locale]
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Project-Id-Version"] == "Tuwei"
    header = po.header + "".join(po.metadata.values())
    for junk in ("FULL NAME", "EMAIL@ADDRESS", "YEAR", "PACKAGE VERSION", "LANGUAGE <"):
        assert junk not in header, f"{locale} header still holds the placeholder {junk!r}"


def test_it_derives_traditional_chinese_from_simplified() -> None:
    to_traditional = opencc.OpenCC("s2t").convert
    simplified = {(e.msgctxt, e.msgid): forms(e) for e in entries(catalogue("zh_Hans"))}
    stale = [
        repr(e.msgid)
        for e in entries(catalogue("zh_Hant"))
        if forms(e) != [to_traditional(text) for text in simplified.get((e.msgctxt, e.msgid), [])]
    ]
    assert not stale, f"zh_Hant is behind zh_Hans (run `make messages`): {offenders(stale)}"


def test_it_repeats_the_source_strings_in_english() -> None:
    wrong = [
        repr(e.msgid)
        for e in entries(catalogue("en"))
        if forms(e) != ([e.msgid, e.msgid_plural] if e.msgid_plural else [e.msgid])
    ]
    assert not wrong, f"en msgstr differs from msgid: {offenders(wrong)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_it_compiles_each_catalogue_into_its_mo_file(locale: str) -> None:
    po = catalogue(locale)
    mo = polib.mofile(str(Path(po.fpath).with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): forms(e) for e in mo if e.msgid}
    expected = {(e.msgctxt, e.msgid): forms(e) for e in po.translated_entries()}
    assert compiled == expected, f"{locale} django.mo is stale: run `make messages`"
    assert mo.metadata.get("Plural-Forms") == PLURAL_FORMS[locale]


@pytest.mark.skipif(
    shutil.which("xgettext") is None,
    reason="GNU gettext (xgettext) is not installed; install the `gettext` package to check "
    "that the catalogues match the sources",
)
def test_it_has_every_translatable_string_of_the_sources() -> None:
    problems = ""
    try:
        call_command("i18n_sync", "--check")
    except CommandError as error:
        problems = str(error)
    if problems:
        pytest.fail(problems, pytrace=False)


def test_it_shows_the_workbench_in_each_language() -> None:
    with translation.override("zh-hans"):
        simplified = [translation.gettext("Workbench"), translation.gettext("Sign in")]
        records = translation.ngettext("%(counter)s record", "%(counter)s records", 3)
    with translation.override("zh-hant"):
        traditional = [translation.gettext("Workbench"), translation.gettext("Sign in")]
    with translation.override("en"):
        english = [translation.gettext("Workbench"), translation.gettext("Sign in")]

    assert simplified == ["工作台", "登录"]
    assert records % {"counter": 3} == "共 3 条记录"
    assert traditional == [opencc.OpenCC("s2t").convert(text) for text in simplified]
    assert traditional != simplified
    assert traditional != english
    assert english == ["Workbench", "Sign in"]
