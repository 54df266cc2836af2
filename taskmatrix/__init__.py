"""Task Matrix."""
