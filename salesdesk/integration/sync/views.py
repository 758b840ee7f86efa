"""The Synchronize section of the Installation tab, the run history and the refresh button."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from exact_client import ExactError
from salesdesk.integration.connection.clients import ConnectionNotReady
from salesdesk.integration.sync import status
from salesdesk.integration.sync.call_budget import ScheduleCost, schedule_cost
from salesdesk.integration.sync.forms import ScheduleForm
from salesdesk.integration.sync.models import SyncSchedule
from salesdesk.integration.sync.refresh import REFRESHABLE, record_refresh
from salesdesk.integration.sync.schedule import schedule_get, schedule_set
from salesdesk.integration.sync.services import RECORD_ENTITIES, sync_request
from salesdesk.tenants.access import company_view


def _section(request: HttpRequest) -> HttpResponse:
    company = request.company
    rows = status.sync_rows(company=company)
    schedule = schedule_get(company=company)
    pictures = status.pictures_run(company=company)
    context = {
        "rows": rows,
        "polling": any(row.running for row in rows) or bool(pictures and pictures.is_active),
        "pictures": pictures,
        "schedule": schedule,
    }
    return render(request, "integration/sync/section.html", context)


def _schedule_form(schedule: SyncSchedule) -> ScheduleForm:
    initial = {"interval_minutes": schedule.interval_minutes, "enabled": schedule.enabled}
    return ScheduleForm(initial=initial, company=schedule.company)


@require_GET
@company_view(admin_only=True)
def synchronize_section(request: HttpRequest) -> HttpResponse:
    """The rows (fragment); it polls itself every second while a row runs."""
    return _section(request)


@require_POST
@company_view(admin_only=True)
def synchronize_start(request: HttpRequest, entity: str) -> HttpResponse:
    """Start a run of `entity`; a second click while one runs only shows it running."""
    if entity not in RECORD_ENTITIES:
        raise Http404("No such synchronization")
    sync_request(company=request.company, entity=entity)
    if request.headers.get("HX-Request"):
        return _section(request)
    return redirect("sync-runs", company=request.company.slug)


@require_POST
@company_view(admin_only=True)
def schedule_save(request: HttpRequest) -> HttpResponse:
    """The interval of the automatic incremental sync (at least every 5 minutes)."""
    form = ScheduleForm(request.POST, company=request.company)
    if not form.is_valid():
        return _history(request, form)
    schedule = schedule_set(company=request.company, **form.cleaned_data)
    messages.success(request, "The synchronization schedule is saved.")
    cost = schedule_cost(company=request.company, interval_minutes=schedule.interval_minutes)
    if schedule.enabled and cost.too_many:
        messages.warning(request, _too_many(cost))
    elif schedule.enabled and cost.heavy:
        messages.warning(request, _heavy(cost))
    return redirect("sync-runs", company=request.company.slug)


def _too_many(cost: ScheduleCost) -> str:
    return (
        f"Every {cost.interval_minutes} minutes the synchronization would need about "
        f"{cost.calls_per_day} Exact calls a day, more than the {cost.day_limit} Exact allows: "
        f"scheduled runs pause while fewer than {cost.reserve} of the day's calls are left, so "
        "orders still reach Exact, and the data then waits for Exact's new day (midnight UTC). "
        f"Every {cost.shortest_minutes} minutes or more stays within the day's calls."
    )


def _heavy(cost: ScheduleCost) -> str:
    return (
        f"Every {cost.interval_minutes} minutes the synchronization alone uses about "
        f"{cost.calls_per_day} of the {cost.day_limit} Exact calls a day: "
        f"{cost.day_limit - cost.calls_per_day} are left for sending orders, pictures and "
        "Exact's notifications. A longer interval leaves more."
    )


@require_GET
@company_view(admin_only=True)
def sync_runs(request: HttpRequest) -> HttpResponse:
    """Every run: start, end, counts, calls, outcome and error."""
    return _history(request, None)


def _history(request: HttpRequest, form: ScheduleForm | None) -> HttpResponse:
    schedule = schedule_get(company=request.company)
    context = {
        "runs": status.sync_run_list(company=request.company),
        "schedule": schedule,
        "schedule_form": form or _schedule_form(schedule),
        "cost": schedule_cost(company=request.company, interval_minutes=schedule.interval_minutes),
    }
    return render(request, "integration/sync/runs.html", context)


@require_POST
@company_view
def exact_refresh(request: HttpRequest, entity: str, exact_id: uuid.UUID) -> HttpResponse:
    """Re-fetch one item or customer from Exact (one call), then go back to `next`."""
    if entity not in REFRESHABLE:
        raise Http404("No such record type")
    try:
        text = record_refresh(company=request.company, entity=entity, exact_id=exact_id)
        messages.success(request, text)
    except ConnectionNotReady as exc:
        messages.error(request, exc.message)
    except ExactError as exc:
        messages.error(request, f"Exact Online did not give the record: {exc}")
    return redirect(_next(request))


def _next(request: HttpRequest) -> str:
    home = reverse("company-home", kwargs={"company": request.company.slug})
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe and target.startswith(home) else home
