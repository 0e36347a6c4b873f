from tuwei.resources.models.commissioners import Commissioner, ServiceLog
from tuwei.resources.models.consortia import Consortium
from tuwei.resources.models.facilities import Facility, FacilityUsage
from tuwei.resources.models.platforms import Platform
from tuwei.resources.models.qualifications import HighTechCertificate, RdFacts, SmeRegistration

__all__ = [
    "Commissioner",
    "Consortium",
    "Facility",
    "FacilityUsage",
    "HighTechCertificate",
    "Platform",
    "RdFacts",
    "ServiceLog",
    "SmeRegistration",
]
