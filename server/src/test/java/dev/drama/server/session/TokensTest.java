package dev.drama.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Join codes: long enough not to be guessed, grouped to be read aloud, forgiving to type. */
class TokensTest {
    @Test
    void joinCodesAreTenUnambiguousCharactersInGroups() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = Tokens.newJoinCode();
            assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aCodeIsFoundHoweverItIsTyped() {
        String canonical = Tokens.canonicalJoinCode("K7QF-2MAX-9P");
        assertThat(canonical).isEqualTo("K7QF2MAX9P");
        for (String typed : new String[] {"K7QF2MAX9P", "k7qf-2max-9p", " K7QF 2MAX 9P ", "k7qf2max9p"}) {
            assertThat(Tokens.canonicalJoinCode(typed)).as(typed).isEqualTo(canonical);
        }
        assertThat(Tokens.canonicalJoinCode("K7QF2MA")).as("a seven-character code from before").isEqualTo("K7QF2MA");
    }
}
