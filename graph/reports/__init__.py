"""Facts reported by several sources: what each source said, and the one rule that makes a fact of it."""

from graph.reports.reconcile import Dispute, Reconciled, Report, SourcedValue, reconcile

__all__ = ["Dispute", "Reconciled", "Report", "SourcedValue", "reconcile"]
