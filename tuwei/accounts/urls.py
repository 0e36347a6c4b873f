from __future__ import annotations

from django.urls import path

from tuwei.accounts.views import admin, auth, mfa, organizations, registration

app_name = "accounts"

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("mfa/setup/", mfa.mfa_setup, name="mfa_setup"),
    path("mfa/verify/", mfa.mfa_verify, name="mfa_verify"),
    path("register/", registration.register, name="register"),
    path("registrations/", registration.registration_list, name="registrations"),
    path(
        "registrations/<int:pk>/approve/",
        registration.registration_approve,
        name="registration_approve",
    ),
    path(
        "registrations/<int:pk>/reject/",
        registration.registration_reject,
        name="registration_reject",
    ),
    path("organizations/", organizations.organization_list, name="organization_list"),
    path("organizations/<int:pk>/", organizations.organization_detail, name="organization_detail"),
    path("users/", admin.user_list, name="user_list"),
    path("users/new/", admin.user_create, name="user_create"),
    path("users/<int:pk>/", admin.user_edit, name="user_edit"),
    path("users/<int:pk>/active/", admin.user_set_active, name="user_set_active"),
    path("users/<int:pk>/roles/", admin.user_roles, name="user_roles"),
    path("security/", admin.security_policy, name="security_policy"),
]
