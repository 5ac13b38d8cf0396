package dev.drama.cli.render;

import dev.drama.proto.BoardView;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.Choice;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two boards, in one sentence per change ("Dev Sandhu changed its
 * position: Fund detached youth outreach on the Parade: yes"), so that a console can say
 * why the board changed instead of printing all of it after every move. Who plays whom is
 * left out: the participant events already say so.
 */
public final class BoardChanges {
    private final OfferText words;

    public BoardChanges(OfferText words) {
        this.words = words;
    }

    /** True when options or characters came, went or were redefined (an inject): the old table is out of date. */
    public static boolean reshaped(BoardView before, BoardView after) {
        return !before.getOptionsList().equals(after.getOptionsList())
                || !characterIds(before).equals(characterIds(after));
    }

    public List<String> between(BoardView before, BoardView after) {
        List<String> out = new ArrayList<>();
        reshaping(before, after, out);
        Map<String, CharacterStance> old = new LinkedHashMap<>();
        before.getStancesList().forEach(s -> old.put(s.getCharacterId(), s));
        for (CharacterStance now : after.getStancesList()) {
            CharacterStance was = old.getOrDefault(now.getCharacterId(), CharacterStance.getDefaultInstance());
            String who = OfferText.capitalised(words.who(now.getCharacterId()));
            String its = who.equals("You") ? "your" : "its";
            List<OptionSetting> position = changed(was.getPositionList(), now.getPositionList());
            if (!position.isEmpty()) {
                out.add(who + " changed " + its + " position: " + words.settings(position));
            }
            List<OptionSetting> intentions = changed(was.getIntentionsList(), now.getIntentionsList());
            if (!intentions.isEmpty()) {
                out.add(who + (who.equals("You") ? " state" : " states") + " " + its + " intentions: "
                        + words.settings(intentions));
            }
            for (String about : now.getDoubtsList()) {
                if (!was.getDoubtsList().contains(about)) {
                    out.add(who + (who.equals("You") ? " doubt " : " doubts ") + words.who(about));
                }
            }
            for (String about : was.getDoubtsList()) {
                if (!now.getDoubtsList().contains(about)) {
                    out.add(who + " no longer " + (who.equals("You") ? "doubt " : "doubts ") + words.who(about));
                }
            }
        }
        List<OptionSetting> threatened = changed(before.getThreatenedFutureList(), after.getThreatenedFutureList());
        if (!threatened.isEmpty()) {
            out.add("The threatened future changed: " + words.settings(threatened));
        }
        if (before.getCrisisPoint() != after.getCrisisPoint()) {
            out.add(after.getCrisisPoint() ? "Crisis point: the positions conflict" : "The positions no longer conflict");
        }
        if (before.getCommitmentPoint() != after.getCommitmentPoint()) {
            out.add(after.getCommitmentPoint() ? "Commitment point: every position is the threatened future"
                    : "No longer a commitment point");
        }
        return out;
    }

    private void reshaping(BoardView before, BoardView after, List<String> out) {
        Map<String, OptionView> old = new LinkedHashMap<>();
        before.getOptionsList().forEach(o -> old.put(o.getId(), o));
        for (OptionView option : after.getOptionsList()) {
            OptionView was = old.remove(option.getId());
            if (was == null) {
                out.add("New option: " + option.getLabel() + " (" + option.getId() + ", "
                        + words.who(option.getOwnerId()) + ")");
            } else if (!was.equals(option)) {
                out.add("Option changed: " + option.getLabel() + " (" + option.getId() + ")");
            }
        }
        old.values().forEach(o -> out.add("Option gone: " + o.getLabel() + " (" + o.getId() + ")"));
        List<String> known = characterIds(before);
        for (CharacterView c : after.getCharactersList()) {
            if (!known.contains(c.getId())) {
                out.add("New character: " + c.getName() + " (" + c.getId() + ")");
            }
        }
    }

    /** The settings of {@code now} that differ from {@code was}; an option no longer set reads as open. */
    private static List<OptionSetting> changed(List<OptionSetting> was, List<OptionSetting> now) {
        Map<String, Choice> old = new LinkedHashMap<>();
        was.forEach(s -> old.put(s.getOptionId(), s.getChoice()));
        List<OptionSetting> out = new ArrayList<>();
        for (OptionSetting s : now) {
            Choice before = old.remove(s.getOptionId());
            if (!Objects.equals(open(before), open(s.getChoice()))) {
                out.add(s);
            }
        }
        old.forEach((option, choice) -> {
            if (open(choice) != Choice.OPEN) {
                out.add(OptionSetting.newBuilder().setOptionId(option).setChoice(Choice.OPEN).build());
            }
        });
        return out;
    }

    private static Choice open(Choice choice) {
        return choice == null ? Choice.OPEN : choice;
    }

    private static List<String> characterIds(BoardView board) {
        return board.getCharactersList().stream().map(CharacterView::getId).toList();
    }
}
