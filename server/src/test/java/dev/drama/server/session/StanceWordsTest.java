package dev.drama.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.bots.Stance;
import dev.drama.scenarios.model.PackCharacter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stances a pack may name are exactly those the computer players know (the packs module keeps its own list). */
class StanceWordsTest {
    @Test
    void packsNameTheStancesTheComputerPlays() {
        assertThat(PackCharacter.STANCES).containsExactlyElementsOf(Arrays.stream(Stance.values()).map(Stance::word).toList());
    }
}
