"""The Qt desktop application. Widgets only: every rule lives in the store and the checker."""
