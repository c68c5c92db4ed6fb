"""The MkDocs plugin ``kebijakan``: a thin adapter that adds the generated pages to a build.

```yaml
plugins:
  - search
  - kebijakan:
      policy: policy          # the regulation
      rules: rules            # the rules
      reports: reports/contoh # report JSON files for the compliance dashboard
      synthetic: true         # label the compliance pages as synthetic examples
      private: false          # true: BKD's internal build may show masked NIPs
      as_of: 2026-06-30       # date for parameter values in the text (default: today)
      impact: build/dampak.json  # latest `kebijakan impact --format json`; page if present
      konsultasi_url: https://layanan.bkd.bengkuluprov.go.id  # "Beri masukan" on a draft
```

Paths are relative to ``mkdocs.yml``. ``konsultasi_url`` is the consultation service's address
(http or https only): while the regulation is a draft, each Pasal links to
``<konsultasi_url>/konsultasi#<pasal-id>``. A broken policy/ or rules/ fails the build with every
problem as ``file:line:col: [error] message``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from checker.errors import CheckerError, PolicyError
from checker.site.build import generate, load_context, navigation
from checker.site.context import SiteContext
from checker.site.konsultasi import service_address
from checker.site.page import Page


class KebijakanConfig(Config):
    """Options of the plugin in ``mkdocs.yml``."""

    policy = c.Type(str, default="policy")
    rules = c.Type(str, default="rules")
    reports = c.Optional(c.Type(str))
    private = c.Type(bool, default=False)
    synthetic = c.Type(bool, default=False)
    as_of = c.Optional(c.Type((str, dt.date)))
    impact = c.Optional(c.Type(str))
    konsultasi_url = c.Optional(c.Type(str))


class KebijakanPlugin(BasePlugin[KebijakanConfig]):
    """Adds the regulation, consultation, parameter, rule, dispensation, compliance, impact and
    download pages."""

    def __init__(self) -> None:
        self.site: SiteContext | None = None
        self.pages: list[Page] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load everything once; a policy/ or rules/ error fails the build here."""
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        day = self._as_of()
        address = self._konsultasi_url()
        try:
            self.site = load_context(
                root / self.config.policy,
                root / self.config.rules,
                root / self.config.reports if self.config.reports else None,
                as_of=day,
                private=self.config.private,
                synthetic=self.config.synthetic,
                policy_dir=self.config.policy,
                impact=root / self.config.impact if self.config.impact else None,
                konsultasi_url=address,
            )
            self.pages = generate(self.site)
        except PolicyError as exc:
            problems = "\n".join(p.format() for p in exc.problems) or exc.format()
            raise PluginError(
                f"kebijakan: policy/ atau rules/ tidak dapat dimuat:\n{problems}"
            ) from exc
        except CheckerError as exc:
            raise PluginError(f"kebijakan: {exc.format()}") from exc
        except ValueError as exc:  # not a user's mistake: say what it is, not "as_of"
            raise PluginError(
                f"kebijakan: halaman situs tidak dapat dibuat ({type(exc).__name__}: {exc})"
            ) from exc
        return config

    def _as_of(self) -> dt.date | None:
        """The ``as_of`` option as a date (YAML may already have read it as one)."""
        as_of = self.config.as_of
        if not as_of:
            return None
        try:
            return dt.date.fromisoformat(str(as_of))
        except ValueError as exc:
            raise PluginError(f"kebijakan: as_of bukan tanggal YYYY-MM-DD: {as_of}") from exc

    def _konsultasi_url(self) -> str | None:
        """The ``konsultasi_url`` option, checked: an http(s) address of the service."""
        value = self.config.konsultasi_url
        if not value:
            return None
        try:
            return service_address(value)
        except ValueError as exc:
            raise PluginError(
                f"kebijakan: konsultasi_url {value} tidak dapat dipakai: {exc}"
            ) from exc

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        """Add every generated page; set its edit link to its source file; order the nav."""
        docs = [f.src_uri for f in files if f.is_documentation_page()]
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        for page in self.pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    f"kebijakan: {config.docs_dir}/{page.src_uri} bertabrakan "
                    "dengan halaman yang dihasilkan; ganti nama berkasnya"
                )
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
            if page.edit_path:
                # edit_uri points into docs_dir; the source lives elsewhere in the repository
                file.edit_uri = Path(
                    os.path.relpath(root / page.edit_path, config.docs_dir)
                ).as_posix()
            files.append(file)
        if config.nav is None and self.site is not None:
            config.nav = navigation(self.site, self.pages, docs)
        return files
