package dev.drama.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drama.proto.ErrorCode;
import org.junit.jupiter.api.Test;

/** The stored bytes of talk and offers, per character and per session. */
class TalkBudgetTest {
    @Test
    void aCharacterIsStoppedAtItsShareAndOthersGoOn() {
        TalkBudget budget = new TalkBudget(1000, 10_000);
        for (int i = 0; i < 10; i++) {
            budget.check("police", 100);
            budget.spend("police", 100);
        }
        assertThatThrownBy(() -> budget.check("police", 1))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.TALK_LIMIT_REACHED))
                .hasMessageContaining("one character");
        budget.check("council", 1000);
    }

    @Test
    void theSessionIsStoppedAtItsTotalWhoeverSpeaks() {
        TalkBudget budget = new TalkBudget(1000, 2500);
        for (String c : new String[] {"a", "b"}) {
            budget.spend(c, 1000);
        }
        budget.check("c", 500);
        budget.spend("c", 500);
        assertThatThrownBy(() -> budget.check("d", 1))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(ErrorCode.TALK_LIMIT_REACHED))
                .hasMessageContaining("this session has stored all");
        assertThat(budget.total()).isEqualTo(2500);
    }
}
