"""Signing in from a device, signing out, and who the token belongs to."""

from __future__ import annotations

from ninja import Router, Status

from salesdesk.api.schemas import Me, Problem, Problems, SignIn, TokenOut
from salesdesk.api.tokens import SignInRefused, rep_sign_in, rep_token_revoke
from salesdesk.tenants.models import Company
from salesdesk.tenants.selectors import member_login_name

router = Router(tags=["sign-in"])
me_router = Router(tags=["sign-in"])


@router.post("/token", auth=None, response={201: TokenOut, 401: Problem, 422: Problems})
def token_create(request, payload: SignIn):
    """A new token for this device, for a member's e-mail (or username) and password."""
    company = Company.objects.filter(slug=payload.company).first()
    try:
        token, raw = rep_sign_in(
            request=request,
            company=company,
            identifier=payload.email,
            password=payload.password,
            device=payload.device or request.headers.get("User-Agent", "")[:100],
        )
    except SignInRefused as exc:
        return Status(401, {"detail": str(exc)})
    body = {
        "token": raw,
        "token_id": token.pk,
        "device": token.name,
        "company": token.company.slug,
        "user": member_login_name(company=token.company, user=token.user),
    }
    return Status(201, body)


@router.delete("/token", response={204: None, 401: Problem})
def token_delete(request):
    """Sign this device out: its token stops working at once."""
    rep_token_revoke(company=request.company, token_id=request.rep_token.pk)
    return Status(204, None)


@me_router.get("/me", response={200: Me, 401: Problem})
def me(request):
    """The signed-in user and company."""
    return {
        "user": member_login_name(company=request.company, user=request.user),
        "email": request.user.email,
        "company": request.company.slug,
        "company_name": request.company.name,
        "device": request.rep_token.name,
    }
