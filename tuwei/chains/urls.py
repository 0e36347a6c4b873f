from __future__ import annotations

from tuwei.chains.urls_map import urlpatterns as map_patterns
from tuwei.chains.urls_points import urlpatterns as point_patterns

app_name = "chains"

urlpatterns = [*map_patterns, *point_patterns]
