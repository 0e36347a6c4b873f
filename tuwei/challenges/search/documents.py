"""What a challenge's search document holds: its title apart, everything else as body."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tuwei.challenges.search.tokens import document_tokens

if TYPE_CHECKING:
    from tuwei.challenges.models import Challenge


@dataclass(frozen=True)
class Document:
    challenge_id: int
    title: frozenset[str]
    body: frozenset[str]
    facets: frozenset[str]

    @property
    def all_tokens(self) -> frozenset[str]:
        return self.title | self.body | self.facets


def facet(kind: str, value: object) -> str:
    """A facet token: `facet("r", 12)` → "_r12". Kinds: pub, open, s(tatus), r(egion), n(ode)."""
    return f"_{kind}{value}"


PUBLIC = facet("pub", "")
OPEN = facet("open", "")


def challenge_facets(challenge: Challenge) -> set[str]:
    from tuwei.challenges.models.challenge import PUBLIC_STATUSES, Challenge

    facets = {facet("s", challenge.status)}
    if challenge.status in PUBLIC_STATUSES:
        facets.add(PUBLIC)
    if challenge.status == Challenge.Status.PUBLISHED:
        facets.add(OPEN)
    if challenge.region_id:
        facets.add(facet("r", challenge.region_id))
    if challenge.node_id:
        facets.add(facet("n", challenge.node_id))
    return facets


def build_document(
    challenge_id: int, title: str, body: Iterable[str], facets: Iterable[str]
) -> Document:
    return Document(
        challenge_id=challenge_id,
        title=frozenset(document_tokens(title)),
        body=frozenset(document_tokens(*body)),
        facets=frozenset(facets),
    )


def body_texts(challenge: Challenge) -> list[str]:
    """Every text an applicant might search by, besides the title."""
    texts = [
        challenge.problem,
        challenge.deliverables,
        challenge.acceptance,
        challenge.conditions,
        challenge.ip_terms,
        challenge.owner.name,
    ]
    if challenge.region is not None:
        texts.append(challenge.region.name)
    if challenge.node is not None:
        node = challenge.node
        texts += [node.name, node.chain.name, node.chain.cluster.name]
    for indicator in challenge.indicators.all():
        texts += [indicator.name, indicator.unit, indicator.verification]
    for milestone in challenge.milestones.all():
        texts += [milestone.title, milestone.deliverable]
    return texts


def document_for(challenge: Challenge) -> Document:
    return build_document(
        challenge.pk, challenge.title, body_texts(challenge), challenge_facets(challenge)
    )
