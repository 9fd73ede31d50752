"""Storage of portfolios in .folio files. Qt-free."""

from app.store.service import Change, PortfolioStore

__all__ = ["Change", "PortfolioStore"]
