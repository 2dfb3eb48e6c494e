"""Evaluation against hand-made gold: number recall, a cross-check mutation benchmark, scoring."""
