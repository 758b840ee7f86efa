from salesdesk.integration.models.connection import ExactConnection

__all__ = ["ExactConnection"]
