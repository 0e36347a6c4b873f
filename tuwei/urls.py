from __future__ import annotations

from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("tuwei.core.urls")),
    path("accounts/", include("tuwei.accounts.urls")),
    path("", include("tuwei.chains.urls")),
    path("", include("tuwei.challenges.urls")),
    path("", include("tuwei.resources.urls")),
    path("", include("tuwei.transfer.urls")),
    path("", include("tuwei.plans.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
]

handler400 = "tuwei.core.views.errors.bad_request"
handler403 = "tuwei.core.views.errors.permission_denied"
handler404 = "tuwei.core.views.errors.page_not_found"
handler500 = "tuwei.core.views.errors.server_error"
