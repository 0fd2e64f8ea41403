"""Who runs the site and how readers reach them: one config entry, ``extra.operator`` in
mkdocs.yml (name, contact, feedback). Nothing here is ever made up: while any field is empty
every page says the site is not yet set up for publishing, the lessons have no feedback link,
and ``python -m hooks.site.publisher`` (the deploy workflow's first step) refuses to publish.

contact: an e-mail address or an https:// address where readers can reach the operator.
feedback: an e-mail address; every lesson gets a mailto: link with the page's address.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

FIELDS = ("name", "contact", "feedback")
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


@dataclass(frozen=True)
class Operator:
    name: str = ""
    contact: str = ""
    feedback: str = ""

    @property
    def problems(self) -> list[str]:
        """What keeps the site from being published, in English (for the build log and CI)."""
        out = [f"extra.operator.{f} is empty" for f in FIELDS if not getattr(self, f)]
        if self.contact and not (EMAIL.match(self.contact) or self.contact.startswith("https://")):
            out.append("extra.operator.contact must be an e-mail address or an https:// address")
        if self.feedback and not EMAIL.match(self.feedback):
            out.append("extra.operator.feedback must be an e-mail address")
        return out

    @property
    def ready(self) -> bool:
        return not self.problems

    @property
    def contact_href(self) -> str:
        return self.contact if self.contact.startswith("https://") else f"mailto:{self.contact}"

    def feedback_href(self, page_url: str, subject: str) -> str:
        """mailto: with the page's address in the body (works on any static host)."""
        if not self.ready:
            return ""
        return (f"mailto:{self.feedback}?subject={quote(subject, safe='')}"
                f"&body={quote(page_url + chr(10) + chr(10), safe='')}")


def from_extra(extra) -> Operator:
    entry = (extra or {}).get("operator") or {}
    if not isinstance(entry, dict):
        entry = {}
    return Operator(**{f: str(entry.get(f) or "").strip() for f in FIELDS})


def from_config_file(path: Path) -> Operator:
    """Read extra.operator from mkdocs.yml without MkDocs (its !!python tags are not needed)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=Loader) or {}
    return from_extra(config.get("extra"))


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path("mkdocs.yml")
    problems = from_config_file(path).problems
    if problems:
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        print("Not publishing: say in extra.operator who runs this site and how readers reach them "
              "(see README, Deploying).", file=sys.stderr)
        return 1
    print(f"{path}: extra.operator is set; the site may be published.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
