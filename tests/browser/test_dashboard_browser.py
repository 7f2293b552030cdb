"""The dashboard in Debian's chromium: it opens on the seed article and shows its event table."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_opens_on_seed_and_switches_zone(page, app_url):
    page.goto(app_url)
    expect(page.get_by_text("Clock times found")).to_be_visible(timeout=30000)
    expect(page.get_by_text("CBS News", exact=False).first).to_be_visible()
    grid = page.locator('[data-testid="stDataFrame"]')
    expect(grid).to_be_visible()
    expect(page.get_by_text("17", exact=True).first).to_be_visible()
    page.get_by_role("combobox", name="Time zone").click()
    page.get_by_role("option", name="UTC").click()
    expect(page.get_by_role("combobox", name="Time zone")).to_have_value("UTC", timeout=15000)
