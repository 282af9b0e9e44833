"""`Nominal.movementHistory` over HTTP on a fixture: residences of several kinds and the
managing-area changes, one time-ordered list with the areas at each level and who recorded it.

VR-0000001 (tests/write_graph.py) is managed in SCO-MAPPA-A since 2024-01-01; it lived at home in
Aberdeen City (S12000033, in SCO-MAPPA-A) from 2024-01-01, in custody there from 2025-03-01, and
in approved premises in Glasgow City (S12000049, in SCO-MAPPA-G) since 2025-06-01. A transfer to
SCO-MAPPA-G, accepted over the API by R-SUP, moves the managing area today.
"""

from __future__ import annotations

from graph.db import Database
from resolvers.transfers.clocks import uk_today
from tests.schema.test_transfer_workflow import ACCEPT, RECEIVING_OFFICERS, only, request
from tests.write_graph import create_write_graph, gql
from visor.settings import Settings

RESIDENCES = """
MATCH (n:Nominal {uid: 'nom-1'})
MATCH (abd:Area {code: 'S12000033'}), (gla:Area {code: 'S12000049'})
CREATE (home:Location {uid: 'loc-home', address: '1 Union Street', postcode: 'AB11 5BN'})
       -[:IN_AREA]->(abd)
CREATE (jail:Location {uid: 'loc-jail', address: 'HMP Grampian', postcode: 'AB42 3ZZ'})
       -[:IN_AREA]->(abd)
CREATE (ap:Location {uid: 'loc-ap', address: '9 Hostel Road', postcode: 'G1 1AA'})
       -[:IN_AREA]->(gla)
CREATE (n)-[:RESIDED_AT {from: date('2024-01-01'), to: date('2025-03-01'), kind: 'HOME',
                         recordedBy: 'off-w-mgr'}]->(home)
CREATE (n)-[:RESIDED_AT {from: date('2025-03-01'), to: date('2025-06-01'), kind: 'CUSTODY'}]
       ->(jail)
CREATE (n)-[:RESIDED_AT {from: date('2025-06-01'), kind: 'APPROVED_PREMISES',
                         recordedBy: 'off-w-prt'}]->(ap)
"""

ADDRESS = """mutation { recordAddress(input: {visorRef: "VR-0000001", address: "4 New Road",
  postcode: "G2 2BB", areaCode: "S12000049", kind: HOME, from: "2026-01-10"}) { visorRef } }"""

HISTORY = """query { nominal(visorRef: "VR-0000001", purpose: "movement review") {
  movementHistory { change from to residenceKind location { address }
    localAuthority { code } mappaArea { code } nation { code } recordedBy { staffId } } } }"""


async def test_residences_and_managing_areas_in_one_time_ordered_list(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_write_graph(db)
    await db.write(RECEIVING_OFFICERS)
    await db.write(RESIDENCES)
    transfer = request(base_url, settings)["id"]
    only(gql(base_url, settings, "R-SUP", ACCEPT, {"t": transfer, "m": "R-PRA"}), "acceptTransfer")
    today = uk_today().isoformat()
    moved = gql(base_url, settings, "W-MGR", ADDRESS, {})
    assert "errors" not in moved, moved

    body = gql(base_url, settings, "W-ANL", HISTORY, {})
    assert "errors" not in body, body
    history = [
        (
            m["change"],
            m["from"],
            m["to"],
            m["residenceKind"],
            (m["location"] or {}).get("address"),
            (m["localAuthority"] or {}).get("code"),
            (m["mappaArea"] or {}).get("code"),
            (m["nation"] or {}).get("code"),
            (m["recordedBy"] or {}).get("staffId"),
        )
        for m in body["data"]["nominal"]["movementHistory"]
    ]
    assert history == [
        ("RESIDENCE", "2024-01-01", "2025-03-01", "HOME", "1 Union Street",
         "S12000033", "SCO-MAPPA-A", "S92000003", "W-MGR"),
        ("MANAGING_AREA", "2024-01-01", today, None, None,
         None, "SCO-MAPPA-A", "S92000003", None),
        ("RESIDENCE", "2025-03-01", "2025-06-01", "CUSTODY", "HMP Grampian",
         "S12000033", "SCO-MAPPA-A", "S92000003", None),
        ("RESIDENCE", "2025-06-01", "2026-01-10", "APPROVED_PREMISES", "9 Hostel Road",
         "S12000049", "SCO-MAPPA-G", "S92000003", "W-PRT"),
        ("RESIDENCE", "2026-01-10", None, "HOME", "4 New Road",
         "S12000049", "SCO-MAPPA-G", "S92000003", "W-MGR"),
        ("MANAGING_AREA", today, None, None, None,
         None, "SCO-MAPPA-G", "S92000003", "R-SUP"),
    ]  # fmt: skip
