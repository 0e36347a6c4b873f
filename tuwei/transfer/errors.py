"""The transfer app's one error type; tests assert these messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuwei.core.errors import DomainError


class TransferError(DomainError):
    NOT_ALLOWED = _("You do not have the right to do this.")
    BAD_MOVE = _("This cannot be done while the achievement is %(status)s.")
    NOT_EDITABLE = _("Only a draft or a rejected achievement can be changed.")
    NO_OWNERS = _("Name at least one owning organisation.")
    DUPLICATE_OWNER = _("%(name)s is named more than once among the owners.")
    SHARES_NOT_100 = _(
        "The owners' shares add up to %(total)s%%; they must add up to exactly 100%%. "
        "Nothing was saved."
    )
    OWN_ORGANIZATION_REQUIRED = _("Your own organisation must be one of the owners.")
    DUPLICATE_IP = _("The IP number %(number)s is listed more than once.")
    REASON_REQUIRED = _("Please give a reason.")
    NEED_CLOSED = _("This need is already closed.")
    ORGANIZATION_REQUIRED = _("Choose the enterprise that posts this need.")
    NO_SELLERS = _("Name at least one seller.")
    BUYER_IS_SELLER = _("The buyer cannot also be a seller.")
    LICENCE_SCOPE = _("A licence is exclusive or non-exclusive; other kinds of deal have no scope.")
    INVENTOR_SHARES_OVER_100 = _(
        "The inventors' shares add up to %(total)s%%; at most 100%% can be promised. "
        "Nothing was saved."
    )
    PARTY_REQUIRED = _("Your organisation must be the buyer or one of the sellers.")
    ACHIEVEMENT_UNKNOWN = _("You cannot record a deal on this achievement.")
    DUPLICATE_REGISTRATION = _("The registered contract number %(number)s is already recorded.")
    CONTRACT_NOT_PDF = _("The contract must be a PDF file.")
    CONTRACT_TOO_BIG = _("The contract file is larger than %(limit)s MB.")
