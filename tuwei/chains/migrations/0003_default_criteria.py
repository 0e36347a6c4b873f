"""The default evaluation criteria every scoring session is offered (reference data)."""

from django.db import migrations

DEFAULTS = [
    ("resources", "资源禀赋", "Resource endowment", True),
    ("industrial_base", "产业基础", "Industrial base", True),
    ("market_demand", "市场需求", "Market demand", True),
    ("feasibility", "技术可行性", "Technical feasibility", True),
    ("team", "团队可得性", "Team availability", True),
    ("chokepoint", "卡脖子程度", "Choke-point severity", True),
    ("time_to_impact", "见效周期", "Time to impact", False),
]


def create(apps, schema_editor):
    Criterion = apps.get_model("chains", "Criterion")
    for order, (code, name, name_en, benefit) in enumerate(DEFAULTS):
        Criterion.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "is_benefit": benefit,
                      "is_default": True, "order": order},
        )


def remove(apps, schema_editor):
    apps.get_model("chains", "Criterion").objects.filter(
        code__in=[row[0] for row in DEFAULTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("chains", "0002_map_points_scoring")]
    operations = [migrations.RunPython(create, remove)]
