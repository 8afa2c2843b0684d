# Sources of core/cards/devices, added to loyalty_core (filled by its owner).
