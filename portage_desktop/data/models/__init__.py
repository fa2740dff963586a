"""Table models, one module per area, all on one SQLModel metadata.

Importing this package registers every table, which migrations and the tests that compare the
migrated schema with the models rely on. The core tables are re-exported here because almost
everything refers to them; the rest are imported from their own modules.
"""

from portage_desktop.data.models import (
    assessment,
    groups,
    home_visiting,
    plans,
    reviews,
    service_quality,
    sharing,
    stamp,
    training,
    transitions,
)
from portage_desktop.data.models.base import Versioned, utc_now
from portage_desktop.data.models.core import (
    AuditEntryRecord,
    ChildRecord,
    RetentionRuleRecord,
    SettingRecord,
    StaffMemberRecord,
    UserAccountRecord,
)

__all__ = [
    "AuditEntryRecord",
    "ChildRecord",
    "RetentionRuleRecord",
    "SettingRecord",
    "StaffMemberRecord",
    "UserAccountRecord",
    "Versioned",
    "assessment",
    "groups",
    "home_visiting",
    "plans",
    "reviews",
    "service_quality",
    "sharing",
    "stamp",
    "training",
    "transitions",
    "utc_now",
]
