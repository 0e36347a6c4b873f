from tuwei.transfer.models.achievements import (
    Achievement,
    AchievementOwner,
    ConfidentialDetail,
    IpRecord,
)
from tuwei.transfer.models.deals import Deal, InventorShare
from tuwei.transfer.models.needs import TechNeed

__all__ = [
    "Achievement",
    "AchievementOwner",
    "ConfidentialDetail",
    "Deal",
    "InventorShare",
    "IpRecord",
    "TechNeed",
]
