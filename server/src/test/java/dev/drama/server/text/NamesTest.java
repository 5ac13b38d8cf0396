package dev.drama.server.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @Test
    void caseSpacingAndLookalikeLettersDoNotMakeANewName() {
        assertThat(Names.sameName("Alice", "ALICE")).isTrue();
        assertThat(Names.sameName("Alice", "\u0410lice")).as("Cyrillic A").isTrue();
        assertThat(Names.sameName("Bob Smith", "Bob   Smith")).isTrue();
        assertThat(Names.sameName("Paul", "\uFF30\uFF41\uFF55\uFF4C")).as("fullwidth").isTrue();
        assertThat(Names.sameName("Olga", "0lga")).as("digit zero").isTrue();
        assertThat(Names.sameName("Mo", "\u041c\u043e")).as("Cyrillic capital Em and small o").isTrue();
        assertThat(Names.sameName("MO", "\u041c\u041e")).as("all Cyrillic capitals").isTrue();
        assertThat(Names.sameName("Zo\u00eb", "Zoe\u0308")).as("composed and decomposed").isTrue();
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(Names.sameName("Alice", "Alicia")).isFalse();
        assertThat(Names.sameName("Zo\u00eb", "Zoe")).isFalse();
        assertThat(Names.sameName("Bob Smith", "BobSmith")).isFalse();
        assertThat(Names.skeleton("Mo")).isNotEqualTo(Names.skeleton("Cat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Trainer", "trainer", "TRAINER", "Facilitator", "Facilitator (trainer)", "Bob (trainer)",
            "T\u0433ainer", "Trainer\u200b", "\uFF34\uFF52\uFF41\uFF49\uFF4E\uFF45\uFF52", "T r a i n e r", "The-Facilitator",
            "F\u0430cilitator", "Tra1ner"})
    void namesThatReadAsTheTrainerAreRecognised(String name) {
        assertThat(Names.imitatesTrainer(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "Observer", "Train", "Tina", "Facility manager", "Victor"})
    void ordinaryNamesAreNotTheTrainer(String name) {
        assertThat(Names.imitatesTrainer(name)).isFalse();
    }
}
