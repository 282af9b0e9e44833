"""The root Mutation, composed from one class per concept."""

from __future__ import annotations

import strawberry

from schema.mutations.link_disclosure import LinkDisclosureMutation
from schema.mutations.management import ManagementMutation
from schema.mutations.nominals import NominalMutation
from schema.mutations.records import RecordMutation
from schema.mutations.subject_access import SubjectAccessMutation
from schema.mutations.transfers import TransferMutation


@strawberry.type
class Mutation(
    NominalMutation,
    RecordMutation,
    ManagementMutation,
    SubjectAccessMutation,
    TransferMutation,
    LinkDisclosureMutation,
):
    pass
