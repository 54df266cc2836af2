"""The interface translations (Qt .ts sources and compiled .qm catalogues)."""
