"""Transfers of a nominal's management between areas: reading them (`reading`), the workflow
from request to decision (`workflow`), and who stands on which side of one (`sides`)."""

from resolvers.transfers.reading import get_transfers

__all__ = ["get_transfers"]
