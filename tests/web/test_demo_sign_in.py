"""Signing in as a demo officer, development only: the page lists the demo officers and asks
the service for a token (the CLI's token code), which names that officer; an unknown officer
is a BAD_USER_INPUT on staffId; a production service has neither the list nor the token."""

from __future__ import annotations

import dataclasses

from playwright.async_api import expect

from graph.db import Database
from graph.demo import load_demo
from tests import loopback
from tests.web.conftest import Web
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import load_verifier
from visor.web_app import DEMO_OFFICERS


async def test_a_developer_signs_in_as_a_demo_officer(db: Database, web: Web) -> None:
    await load_demo(db, nominals=20)
    officer = (await db.read("MATCH (o:Officer {staffId: 'PSOS-0003'}) RETURN o.name AS name"))[0]
    page = await web.open()
    await expect(page.locator("#demo-officer option")).to_have_count(len(DEMO_OFFICERS))
    await page.get_by_label("Demo officer").select_option("PSOS-0003")
    await page.get_by_role("button", name="Sign in as demo officer").click()
    await expect(page.locator("#me-name")).to_have_text(officer["name"])
    await web.no_serious_violations("demo sign-in")


async def test_the_token_endpoint_issues_only_for_an_active_demo_officer(
    db: Database, base_url: str, settings: Settings
) -> None:
    await load_demo(db, nominals=20)
    answer = loopback.post(f"{base_url}/app/dev/token", params={"staffId": "PSOS-0001"})
    assert answer.status_code == 200
    claims = load_verifier(settings).verify(answer.json()["token"])
    assert claims.staff_id == "PSOS-0001"
    for staff_id in ("NOBODY-1", "", "PSOS-0001' OR 1=1"):
        refused = loopback.post(f"{base_url}/app/dev/token", params={"staffId": staff_id})
        assert refused.status_code == 400, staff_id
        error = refused.json()["errors"][0]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "staffId"}
    await db.write("MATCH (o:Officer {staffId: 'PSOS-0002'}) SET o.active = false")
    inactive = loopback.post(f"{base_url}/app/dev/token", params={"staffId": "PSOS-0002"})
    assert inactive.status_code == 400


async def test_a_production_service_offers_no_demo_sign_in(
    db: Database, settings: Settings, neo4j_uri: str
) -> None:
    await load_demo(db, nominals=20)
    production = dataclasses.replace(settings, env="production")
    with serving(create_app(production, uri=neo4j_uri)) as url:
        assert loopback.get(f"{url}/app/dev/officers").status_code == 404
        # /app is then the static page only, which takes no POST
        token = loopback.post(f"{url}/app/dev/token", params={"staffId": "PSOS-0001"})
        assert token.status_code == 405 and "token" not in token.text
        assert loopback.get(f"{url}/app/").status_code == 200
