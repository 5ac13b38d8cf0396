package dev.drama.server;

import dev.drama.bots.Bot;
import dev.drama.bots.BotMove;
import dev.drama.bots.Self;
import dev.drama.bots.Stance;
import dev.drama.proto.Choice;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Commit;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionView;
import dev.drama.proto.Phase;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.StateIntentions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A computer player for tests that plays at random from its seed: a few intentions on its own
 * options (learnt from the board it hears), then its commitment at the moment of truth. Enough
 * to move the board, raise and resolve dilemmas, and show whether a seed replays the same way.
 */
final class SeededBot implements Bot {
    private final Self self;
    private final Stance stance;
    private final Random random;
    private List<String> own = List.of();
    private Phase phase = Phase.LOBBY;
    private int intentions;
    private boolean committed;

    SeededBot(Self self, Stance stance, long seed) {
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
        if (message.hasBoard()) {
            own = message.getBoard().getOptionsList().stream().filter(o -> o.getOwnerId().equals(self.characterId()))
                    .map(OptionView::getId).toList();
        }
        if (message.hasSessionState()) {
            phase = message.getSessionState().getPhase();
        }
    }

    @Override
    public Optional<BotMove> nextMove() {
        if (own.isEmpty()) {
            return Optional.empty();
        }
        if (phase == Phase.NEGOTIATION && intentions < 3) {
            intentions++;
            return Optional.of(new BotMove(ClientMessage.newBuilder().setStateIntentions(StateIntentions.newBuilder()
                    .addSettings(setting(own.get(random.nextInt(own.size())), random.nextBoolean()))).build(),
                    "tries an intention at random"));
        }
        if (phase == Phase.MOMENT_OF_TRUTH && !committed) {
            committed = true;
            List<OptionSetting> choices = new ArrayList<>();
            own.forEach(o -> choices.add(setting(o, random.nextBoolean())));
            return Optional.of(new BotMove(ClientMessage.newBuilder().setCommit(Commit.newBuilder().addAllSettings(choices))
                    .build(), "commits at random"));
        }
        return Optional.empty();
    }

    private static OptionSetting setting(String option, boolean yes) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(yes ? Choice.YES : Choice.NO).build();
    }
}
