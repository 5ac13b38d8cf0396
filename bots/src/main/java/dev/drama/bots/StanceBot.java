package dev.drama.bots;

import dev.drama.proto.ServerMessage;
import java.util.Optional;
import java.util.Random;

/** Placeholder until the stance policies land: observes, never moves. */
final class StanceBot implements Bot {
    private final Self self;
    private final Stance stance;
    private final Random random;

    StanceBot(Self self, Stance stance, long seed) {
        this.self = self;
        this.stance = stance;
        this.random = new Random(seed);
    }

    @Override
    public String characterId() {
        return self.characterId();
    }

    @Override
    public Stance stance() {
        return stance;
    }

    @Override
    public void observe(ServerMessage message) {
    }

    @Override
    public Optional<BotMove> nextMove() {
        return Optional.empty();
    }
}
