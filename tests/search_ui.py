"""The site's search as a person uses it, on either engine's site.

Material for MkDocs (``mkdocs``) has a search box in the header (placeholder "Zoeken") and
lists results below it, each a link with the page title as ``h1``. Zensical 0.0.73 has a
"Zoeken" button in the header that opens its own dialog (in a shadow root, which
Playwright's locators enter), whose box and labels are still English ("Search"), and lists
each result as an option link with the title as ``h2``. That is the one difference a
person sees between the two sites (README, "Zensical").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect


@dataclass(frozen=True)
class SearchUI:
    engine: str

    @property
    def zensical(self) -> bool:
        return self.engine == "zensical"

    def field(self, page: Page) -> Locator:
        """Open the search (click what a person clicks) and return the box to type in."""
        if self.zensical:
            self.opener(page).click()
            return page.get_by_role("combobox", name="Search")
        field = page.get_by_placeholder("Zoeken")
        field.click()
        return field

    def opener(self, page: Page) -> Locator:
        """What a person sees of the search before using it."""
        if self.zensical:
            return page.locator(".md-search__button", has_text="Zoeken")
        return page.get_by_placeholder("Zoeken")

    def type(self, page: Page, word: str) -> Locator:
        """Type ``word`` like a person would (both read the box on key events); wait for the
        results and return them, one link each."""
        field = self.field(page)
        field.fill("")
        field.press_sequentially(word)
        if self.zensical:
            expect(self.area(page).locator("[role=status]")).to_have_text(
                re.compile(r"\d+ results?|No results")
            )
        else:
            expect(page.locator(".md-search-result__meta")).to_have_text(
                re.compile(r"overeenkomende? document")
            )
        return self.results(page)

    def area(self, page: Page) -> Locator:
        """Where the results are shown."""
        if self.zensical:
            return page.get_by_role("dialog", name="Search")
        return page.locator(".md-search-result")

    def results(self, page: Page) -> Locator:
        """Each result as its link (to the page, with ``?h=`` the word)."""
        if self.zensical:
            return self.area(page).get_by_role("option")
        return self.area(page).locator(".md-search-result__item > a")

    def title(self, result: Locator) -> Locator:
        """The page title in a result."""
        return result.locator("h2" if self.zensical else "h1").first
