"""The service's limits and places, in one frozen object that every part reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.limits import MIB, Limits
from checker.serve.retention import Retention


@dataclass(frozen=True)
class Settings:
    """Where the service keeps its data and how much it accepts.

    Defaults suit one province: a kabupaten with ten thousand employees sends about 15 MB of CSV.
    """

    data_dir: Path
    policy_root: Path = Path("policy")
    rules_root: Path = Path("rules")
    # the whole request body of one upload (every file plus the form), enforced while streaming
    max_upload_bytes: int = 64 * MIB
    # files in one upload form
    max_files: int = 20
    # everything inside the ZIP and XLSX files of one upload, once decompressed
    max_uncompressed_bytes: int = 512 * MIB
    # entries in one ZIP or XLSX file (and in all of them together)
    max_zip_entries: int = 500
    # checks running at the same time (each in its own process)
    max_concurrent_checks: int = 2
    # what one check may use: memory (the check process's setrlimit, DuckDB gets half), wall
    # time (past it the check stops, and its process is killed shortly after), input sizes and
    # findings; the one place the service's budget is set
    limits: Limits = field(default_factory=Limits.service)
    # submissions waiting for a check; beyond this an upload is refused with 503
    max_queued: int = 200
    # a browser session lasts this long after sign-in
    session_hours: int = 12
    # findings per page on the report page
    page_size: int = 25
    # POST bodies that are not uploads (sign-in, sign-out, a comment) are small
    max_form_bytes: int = 64 * 1024
    # public consultation: comments one address may send in ``comment_window_seconds``
    comments_per_address: int = 5
    comment_window_seconds: int = 600
    # days a comment's email (and its name, when not to be shown) is kept; rejected comments
    # are deleted after as many days
    comment_contact_days: int = 180
    # days the files an agency sent, and the full reports (with NIPs and names), are kept; the
    # Pergub caps both (checker.serve.retention)
    upload_days: int = 90
    report_days: int = 365

    @property
    def retention(self) -> Retention:
        """The retention periods of :mod:`checker.serve.retention`."""
        return Retention(self.upload_days, self.report_days, self.comment_contact_days)
