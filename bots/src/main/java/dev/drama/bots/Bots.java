package dev.drama.bots;

/** Makes computer-played characters. */
public final class Bots {
    private Bots() {
    }

    /**
     * A character played by {@code stance}; {@code seed} drives its random element, so the
     * same seed, stance and sequence of observed messages give the same moves.
     */
    public static Bot create(Self self, Stance stance, long seed) {
        return new StanceBot(self, stance, seed);
    }
}
