"""Factories for the industry map: clusters, chains and chain nodes."""

from __future__ import annotations

import factory

from tuwei.chains.models import Chain, ChainNode, Cluster


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"CL{n}")
    name = factory.Sequence(lambda n: f"测试集群{n}")
    name_en = factory.Sequence(lambda n: f"Test cluster {n}")
    order = factory.Sequence(lambda n: n)


class ChainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chain
        django_get_or_create = ("code",)

    cluster = factory.SubFactory(ClusterFactory)
    code = factory.Sequence(lambda n: f"CH{n}")
    name = factory.Sequence(lambda n: f"测试产业链{n}")
    name_en = factory.Sequence(lambda n: f"Test chain {n}")
    order = factory.Sequence(lambda n: n)


class ChainNodeFactory(factory.django.DjangoModelFactory):
    """A top-level node; pass `parent=` for a child (the chain follows the parent's)."""

    class Meta:
        model = ChainNode
        django_get_or_create = ("code",)

    chain = factory.LazyAttribute(
        lambda node: node.parent.chain if node.parent is not None else ChainFactory()
    )
    parent = None
    code = factory.Sequence(lambda n: f"ND{n}")
    name = factory.Sequence(lambda n: f"测试环节{n}")
    name_en = factory.Sequence(lambda n: f"Test node {n}")
    stage = ChainNode.Stage.MIDSTREAM
    gap_kind = ChainNode.GapKind.FILL
    is_chokepoint = False
    order = factory.Sequence(lambda n: n)
