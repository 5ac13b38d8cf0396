package dev.drama.server.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1B, 0x7F, 0x80, 0x85, 0x9B, 0x9D, 0x2028, 0x2029})
    void controlCharactersAreRefused(int cp) {
        assertThat(TextRules.unsafe(cp)).contains(TextRules.Kind.CONTROL);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C})
    void bidiControlsAreRefused(int cp) {
        assertThat(TextRules.unsafe(cp)).contains(TextRules.Kind.BIDI);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD, 0x2061, 0xE0041, 0x3164, 0x115F, 0x034F})
    void invisibleCharactersAreRefused(int cp) {
        assertThat(TextRules.unsafe(cp)).contains(TextRules.Kind.INVISIBLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {'\n', '\t', ' ', 'a', 0xE9, 0x0436, 0x05D0, 0x4E2D, 0x00A0, 0xFE0F, 0x1F600, 0x20AC, '\'', '<'})
    void ordinaryCharactersAreFine(int cp) {
        assertThat(TextRules.unsafe(cp)).isEmpty();
    }

    @Test
    void theRefusalNamesTheCharacterAndItsPosition() {
        assertThat(TextRules.textProblem("the note", "until March\u200b"))
                .contains("the note has an invisible character U+200B (ZERO WIDTH SPACE) at position 12; remove it");
        assertThat(TextRules.textProblem("the text", "\u001b[2J\u001b[H"))
                .contains("the text has a control character U+001B (ESCAPE) at position 1; remove it");
        assertThat(TextRules.textProblem("the text", "abc\u202eevil"))
                .contains("the text has a bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 4; remove it");
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        // the emoji is two UTF-16 units but one character
        assertThat(TextRules.textProblem("the text", "\uD83D\uDE00\r")).contains(
                "the text has a control character U+000D (CARRIAGE RETURN) at position 2; remove it");
    }

    @Test
    void textsMayHoldLineBreaksAndTabsButNamesMayNot() {
        assertThat(TextRules.textProblem("the text", "first line\n\tsecond line")).isEmpty();
        assertThat(TextRules.nameProblem("Al\nice"))
                .contains("the name has a control character U+000A (LINE FEED) at position 3; remove it");
        assertThat(TextRules.nameProblem("Al\tice"))
                .contains("the name has a control character U+0009 (CHARACTER TABULATION) at position 3; remove it");
    }

    @Test
    void ordinaryTextAndNamesPass() {
        assertThat(TextRules.textProblem("the text", "Zoë says: \"we'll walk out\" <b>not</b> & 中文 עברית 😀")).isEmpty();
        assertThat(TextRules.nameProblem("Renée O'Brien-Smith")).isEqualTo(Optional.empty());
    }

    @Test
    void theFirstUnsafeCharacterIsTheOneNamed() {
        assertThat(TextRules.textProblem("the text", "ok\u200bthen\u001b")).get().asString().contains("U+200B");
    }
}
