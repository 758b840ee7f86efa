"""`salesdesk company create <slug> --name … --admin-email … --admin-password …`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email, validate_slug

from salesdesk.tenants.services import (
    CompanyExists,
    UserConflict,
    company_create,
    password_problems,
)


class Command(BaseCommand):
    help = "Manage companies (tenants)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a company and its first administrator.")
        create.add_argument("slug", help="The company's URL name: its login page is /<slug>/login")
        create.add_argument("--name", required=True, help="The company's display name")
        create.add_argument("--admin-email", required=True)
        create.add_argument("--admin-password", required=True)
        create.add_argument(
            "--admin-username", help="Login name of the administrator (default: the e-mail)"
        )

    def handle(self, *args, action: str, **options) -> None:
        if action == "create":
            self._create(**options)

    def _create(self, *, slug: str, name: str, admin_email: str, admin_password: str, **options):
        try:
            validate_slug(slug)
            validate_email(admin_email)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        problems = password_problems(admin_password)
        if problems:
            raise CommandError("password: " + " ".join(problems))
        username = options.get("admin_username") or admin_email
        try:
            company = company_create(
                slug=slug,
                name=name,
                admin_username=username,
                admin_email=admin_email,
                admin_password=admin_password,
            )
        except (CompanyExists, UserConflict) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Created company {company.slug!r} ({company.name}).\n"
            f"Login page: /{company.slug}/login\n"
            f"Administrator: {username}"
        )
