# Sources of ui/input, added to loyalty_ui.
