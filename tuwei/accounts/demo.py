"""Demo regions, organisations and one account per persona.

Regions are the 12 leagues/cities of Inner Mongolia with their division codes.
Organisations named in the public report on the 2024 program appear under their
public names; their credit codes are generated (valid checksum, not real).
The people are invented.
"""

from __future__ import annotations

from tuwei.accounts import credit_code
from tuwei.accounts.models import Organization, Region, User, UserRole
from tuwei.accounts.roles import Role

DEMO_PASSWORD = "Tuwei@2024"  # noqa: S105  (printed in the README; demo only)

REGIONS = [
    ("150100", "呼和浩特市", "Hohhot"),
    ("150200", "包头市", "Baotou"),
    ("150300", "乌海市", "Wuhai"),
    ("150400", "赤峰市", "Chifeng"),
    ("150500", "通辽市", "Tongliao"),
    ("150600", "鄂尔多斯市", "Ordos"),
    ("150700", "呼伦贝尔市", "Hulunbuir"),
    ("150800", "巴彦淖尔市", "Bayannur"),
    ("150900", "乌兰察布市", "Ulanqab"),
    ("152200", "兴安盟", "Hinggan League"),
    ("152500", "锡林郭勒盟", "Xilingol League"),
    ("152900", "阿拉善盟", "Alxa League"),
]

# (key, name, kind, region code or "" for outside the region)
ORGANIZATIONS = [
    ("dept", "内蒙古自治区科学技术厅", Organization.Kind.GOVERNMENT, "150100"),
    ("ordos_bureau", "鄂尔多斯市科学技术局", Organization.Kind.GOVERNMENT, "150600"),
    ("yitai", "内蒙古伊泰集团有限公司", Organization.Kind.ENTERPRISE, "150600"),
    ("ordos_power", "鄂尔多斯电力冶金集团股份有限公司", Organization.Kind.ENTERPRISE, "150600"),
    ("zhunneng", "国家能源集团准格尔能源有限责任公司", Organization.Kind.ENTERPRISE, "150600"),
    ("nuanjie", "赤峰暖捷新型建材有限公司", Organization.Kind.ENTERPRISE, "150400"),
    ("ipe", "中国科学院过程工程研究所", Organization.Kind.INSTITUTE, ""),
    ("imut", "内蒙古工业大学", Organization.Kind.UNIVERSITY, "150100"),
    ("imu", "内蒙古大学", Organization.Kind.UNIVERSITY, "150100"),
    ("baotou_re", "包头稀土研究院", Organization.Kind.INSTITUTE, "150200"),
    ("tongliao_storage", "通辽液流储能科技有限公司", Organization.Kind.ENTERPRISE, "150500"),
]

# (username, real name, roles, organisation key, region code)
PERSONAS = [
    ("officer", "韩立新", [Role.OFFICER], "dept", "150100"),
    ("enterprise", "赵明远", [Role.ENTERPRISE], "yitai", "150600"),
    ("bureau", "高雅琴", [Role.BUREAU], "ordos_bureau", "150600"),
    ("teamlead", "陈思源", [Role.TEAM_LEAD], "imut", "150100"),
    ("expert", "刘振华", [Role.EXPERT], "imu", "150100"),
    ("leader", "王德明", [Role.LEADER], "dept", "150100"),
    ("sysadmin", "孙建国", [Role.SYSADMIN], "dept", "150100"),
    ("secadmin", "周安平", [Role.SECADMIN], "dept", "150100"),
    ("auditor", "吴审之", [Role.AUDITOR], "dept", "150100"),
    ("outsider", "李路人", [], "", ""),
]


def demo_credit_code(index: int, region_code: str) -> str:
    """A well-formed code: 9 (enterprise registry) 1 (company), region, serial, check."""
    body = f"91{(region_code or '110108')}{index:09d}"[:17]
    return body + credit_code.check_character(body)


def load(context: dict[str, object]) -> dict[str, object]:
    regions = {}
    for order, (code, name, name_en) in enumerate(REGIONS):
        regions[code], _ = Region.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "order": order}
        )
    organizations = {}
    for index, (key, name, kind, region_code) in enumerate(ORGANIZATIONS, start=1):
        organizations[key], _ = Organization.objects.update_or_create(
            credit_code=demo_credit_code(index, region_code),
            defaults={
                "name": name,
                "kind": kind,
                "region": regions.get(region_code),
                "status": Organization.Status.APPROVED,
                "is_demo": True,
            },
        )
    users = {}
    for number, (username, real_name, roles, org_key, region_code) in enumerate(PERSONAS):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "real_name": real_name,
                "phone": f"1380471{number:04d}",
                "email": f"{username}@demo.tuwei.invalid",
                "organization": organizations.get(org_key),
                "region": regions.get(region_code),
                "is_demo": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        for role in roles:
            UserRole.objects.get_or_create(user=user, role=role)
        users[username] = user
    return {"regions": regions, "organizations": organizations, "users": users}
