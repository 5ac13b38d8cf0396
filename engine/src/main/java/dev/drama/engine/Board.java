package dev.drama.engine;

import dev.drama.engine.preference.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole situation: characters, options, preferences, positions, stated intentions and
 * doubts (drama-theory.md section 1). Immutable; every {@code with...} copy is validated again.
 * Built with {@link #builder()}; {@link Builder#build()} throws {@link BoardException} naming
 * what is wrong.
 */
public final class Board {
    /**
     * The most options one character may own: the rules walk every deviation of one character's
     * options (2^owned futures), which beyond this is too slow to run after every move.
     */
    public static final int MAX_OPTIONS_PER_CHARACTER = 20;

    private final List<Character> characters;
    private final List<Option> options;
    private final Map<String, Integer> characterIndex;
    private final OptionIndex optionIndex;
    private final Map<String, Future> positions;
    private final Map<String, Future> intentions;
    private final Map<String, Set<String>> doubts;
    private final Map<String, Preference> preferences;
    private final List<Agreement> agreements;
    private final Future threatened;
    private final Situation situation;

    private Board(List<Character> characters, List<Option> options, Map<String, Integer> characterIndex,
                  OptionIndex optionIndex, Map<String, Future> positions, Map<String, Future> intentions,
                  Map<String, Set<String>> doubts, Map<String, Preference> preferences, List<Agreement> agreements) {
        this.characters = characters;
        this.options = options;
        this.characterIndex = characterIndex;
        this.optionIndex = optionIndex;
        this.positions = positions;
        this.intentions = intentions;
        this.doubts = doubts;
        this.preferences = preferences;
        this.agreements = agreements;
        this.situation = Situation.of(this);
        this.threatened = Future.complete(optionIndex, situation.t);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Character> characters() {
        return characters;
    }

    public List<Option> options() {
        return options;
    }

    public Optional<Character> character(String id) {
        Integer i = characterIndex.get(id);
        return i == null ? Optional.empty() : Optional.of(characters.get(i));
    }

    public Optional<Option> option(String id) {
        int i = optionIndex.indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(options.get(i));
    }

    /** The options the character owns, in board order. */
    public List<Option> optionsOf(String characterId) {
        requireCharacter(characterId);
        return options.stream().filter(o -> o.owner().equals(characterId)).toList();
    }

    /** The character's position, possibly partial (open options are absent). */
    public Future position(String characterId) {
        requireCharacter(characterId);
        return positions.get(characterId);
    }

    /** The character's stated intentions, on its own options only. */
    public Future intentions(String characterId) {
        requireCharacter(characterId);
        return intentions.get(characterId);
    }

    /** The characters the holder doubts, in board order. */
    public Set<String> doubts(String holderId) {
        requireCharacter(holderId);
        return doubts.get(holderId);
    }

    public Preference preference(String characterId) {
        requireCharacter(characterId);
        return preferences.get(characterId);
    }

    /** T: every option at its owner's stated intention, else its status quo. Complete, in board order. */
    public Future threatenedFuture() {
        return threatened;
    }

    /** The partial future with each open option filled from T. */
    public Future completion(Future partial) {
        Objects.requireNonNull(partial, "partial");
        boolean[] values = situation.t.clone();
        for (Map.Entry<String, Boolean> e : partial.values().entrySet()) {
            int i = optionIndex.indexOf(e.getKey());
            if (i < 0) {
                throw new BoardException("cannot complete a future that names unknown option '" + e.getKey() + "'" + hint(e.getKey(), optionIds()));
            }
            values[i] = e.getValue();
        }
        return Future.complete(optionIndex, values);
    }

    /** The character's position completed from T. */
    public Future completedPosition(String characterId) {
        requireCharacter(characterId);
        return Future.complete(optionIndex, situation.hat[characterIndex.get(characterId)]);
    }

    /** A complete future as values in board option order (for {@link Preference#score(boolean[])}). */
    public boolean[] toArray(Future future) {
        Future complete = completion(future);
        boolean[] values = new boolean[optionIndex.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = complete.stateAt(i) == 1;
        }
        return values;
    }

    /** The option ids in board order. */
    public List<String> optionIds() {
        return List.of(optionIndex.ids);
    }

    /*
     * A move changes one character's position or intentions: only that is checked, and the
     * rest of the board is shared, not rebuilt and revalidated (the server does this after
     * every move).
     */
    public Board withPosition(String characterId, Future position) {
        Character c = characterFor(POSITION, characterId);
        return new Board(characters, options, characterIndex, optionIndex,
                replaced(positions, characterId, onOptions(POSITION, c, position.values(), optionIndex, options)),
                intentions, doubts, preferences, agreements);
    }

    public Board withIntentions(String characterId, Future intentions) {
        Character c = characterFor(INTENTIONS, characterId);
        return new Board(characters, options, characterIndex, optionIndex, positions,
                replaced(this.intentions, characterId, onOptions(INTENTIONS, c, intentions.values(), optionIndex, options)),
                doubts, preferences, agreements);
    }

    private Character characterFor(Stance stance, String characterId) {
        Integer i = characterIndex.get(characterId);
        if (i == null) {
            List<String> ids = characters.stream().map(Character::id).toList();
            throw new BoardException(stance.what + " given for unknown character '" + characterId + "'" + hint(characterId, ids));
        }
        return characters.get(i);
    }

    private static Map<String, Future> replaced(Map<String, Future> all, String characterId, Future future) {
        Map<String, Future> copy = new LinkedHashMap<>(all);
        copy.put(characterId, future);
        return Collections.unmodifiableMap(copy);
    }

    /** What a character proposes, or what it says it will do on its own options. */
    private enum Stance {
        POSITION("position", "names", "gives"),
        INTENTIONS("intentions", "name", "give");

        final String what;
        final String names;
        final String gives;

        Stance(String what, String names, String gives) {
            this.what = what;
            this.names = names;
            this.gives = gives;
        }
    }

    private static final Stance POSITION = Stance.POSITION;
    private static final Stance INTENTIONS = Stance.INTENTIONS;

    /** A character's position or intentions as a future on the board's options, checked. */
    private static Future onOptions(Stance stance, Character c, Map<String, Boolean> values, OptionIndex index,
                                    List<Option> options) {
        boolean[] isFixed = new boolean[index.size()];
        boolean[] fixed = new boolean[index.size()];
        String subject = stance.what + " of character '" + c.id() + "'";
        for (Map.Entry<String, Boolean> e : values.entrySet()) {
            int i = index.indexOf(e.getKey());
            if (i < 0) {
                throw new BoardException(subject + " (" + c.name() + ") " + stance.names + " unknown option '"
                        + e.getKey() + "'" + hint(e.getKey(), List.of(index.ids)));
            }
            Option o = options.get(i);
            if (stance == INTENTIONS && !o.owner().equals(c.id())) {
                throw new BoardException(subject + " (" + c.name() + ") " + stance.names + " option '" + o.id()
                        + "' (" + o.label() + "), which character '" + o.owner()
                        + "' owns; a character states intentions on its own options only");
            }
            if (e.getValue() == null) {
                throw new BoardException(subject + " " + stance.gives + " option '" + e.getKey() + "' no value");
            }
            isFixed[i] = true;
            fixed[i] = e.getValue();
        }
        return Future.partial(index, isFixed, fixed);
    }

    public Board withDoubt(String holderId, String aboutId, boolean doubts) {
        Builder b = toBuilder();
        if (doubts) {
            b.doubt(holderId, aboutId);
        } else {
            b.removeDoubt(holderId, aboutId);
        }
        return b.build();
    }

    /**
     * The board after the parties accept an agreement: each party's position now fixes the agreed
     * values, and each states it will carry out its own part, so that an agreement covering every
     * contested option is a commitment point the engine can judge for co-operation and trust. The
     * agreement is recorded, so that ways out can say when a move would break it.
     */
    public Board withAgreement(Agreement agreement) {
        Builder b = toBuilder().agreement(agreement.parties(), agreement.values());
        for (String party : agreement.parties()) {
            characterFor(POSITION, party);
            Map<String, Boolean> position = new LinkedHashMap<>(positions.get(party).values());
            Map<String, Boolean> intents = new LinkedHashMap<>(intentions.get(party).values());
            agreement.values().forEach((optionId, value) -> {
                position.put(optionId, value);
                if (option(optionId).map(o -> o.owner().equals(party)).orElse(false)) {
                    intents.put(optionId, value);
                }
            });
            b.position(party, position).intentions(party, intents);
        }
        return b.build();
    }

    /** The agreements accepted so far, oldest first. */
    public List<Agreement> agreements() {
        return agreements;
    }

    /** The agreements the character is party to, oldest first. */
    public List<Agreement> agreementsOf(String characterId) {
        return agreements.stream().filter(a -> a.isParty(characterId)).toList();
    }

    public Board withPreference(String characterId, Preference preference) {
        return toBuilder().preference(characterId, preference).build();
    }

    /** A reframing: the option is added after the existing ones. */
    public Board withOption(Option option) {
        return toBuilder().option(option).build();
    }

    /** A character arriving, after the existing ones. */
    public Board withCharacter(Character character, Preference preference) {
        return toBuilder().character(character.id(), character.name()).preference(character.id(), preference).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (Character c : characters) {
            b.character(c.id(), c.name());
        }
        for (Option o : options) {
            b.option(o);
        }
        for (Character c : characters) {
            b.preference(c.id(), preferences.get(c.id()));
            if (!positions.get(c.id()).isEmpty()) {
                b.position(c.id(), positions.get(c.id()).values());
            }
            if (!intentions.get(c.id()).isEmpty()) {
                b.intentions(c.id(), intentions.get(c.id()).values());
            }
            for (String about : doubts.get(c.id())) {
                b.doubt(c.id(), about);
            }
        }
        for (Agreement a : agreements) {
            b.agreement(a.parties(), a.values());
        }
        return b;
    }

    Situation situation() {
        return situation;
    }

    OptionIndex optionIndex() {
        return optionIndex;
    }

    int characterIndexOf(String id) {
        Integer i = characterIndex.get(id);
        return i == null ? -1 : i;
    }

    private void requireCharacter(String id) {
        if (!characterIndex.containsKey(id)) {
            throw new BoardException("unknown character '" + id + "'" + hint(id, new ArrayList<>(characterIndex.keySet())));
        }
    }

    static String hint(String id, List<String> known) {
        String near = id == null ? null : Suggest.nearest(id, known);
        return near == null ? "" : "; did you mean '" + near + "'?";
    }

    @Override
    public String toString() {
        return "Board" + characters + options + " T=" + threatened;
    }

    /** Collects the parts of a board; {@link #build()} checks that they hold together. */
    public static final class Builder {
        private final List<Character> characters = new ArrayList<>();
        private final List<Option> options = new ArrayList<>();
        private final Map<String, Preference> preferences = new LinkedHashMap<>();
        private final Map<String, Map<String, Boolean>> positions = new LinkedHashMap<>();
        private final Map<String, Map<String, Boolean>> intentions = new LinkedHashMap<>();
        private final Map<String, Set<String>> doubts = new LinkedHashMap<>();
        private final List<Agreement> agreements = new ArrayList<>();

        private Builder() {
        }

        public Builder character(String id, String name) {
            characters.add(new Character(id == null ? "" : id, name));
            return this;
        }

        public Builder option(String id, String owner, String label, boolean statusQuo) {
            return option(new Option(id == null ? "" : id, owner, label, statusQuo));
        }

        public Builder option(Option option) {
            options.add(option);
            return this;
        }

        public Builder preference(String characterId, Preference preference) {
            preferences.put(characterId, preference);
            return this;
        }

        /** The character's position (replacing any given before): the options it fixes. */
        public Builder position(String characterId, Map<String, Boolean> fixed) {
            positions.put(characterId, new LinkedHashMap<>(Objects.requireNonNull(fixed, "fixed")));
            return this;
        }

        /** The character's stated intentions (replacing any given before), on its own options. */
        public Builder intentions(String characterId, Map<String, Boolean> values) {
            intentions.put(characterId, new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
            return this;
        }

        public Builder doubt(String holderId, String aboutId) {
            doubts.computeIfAbsent(holderId, k -> new LinkedHashSet<>()).add(aboutId);
            return this;
        }

        /** An agreement the parties accepted, fixing the given values. */
        public Builder agreement(List<String> parties, Map<String, Boolean> values) {
            agreements.add(new Agreement(parties, values));
            return this;
        }

        public Builder removeDoubt(String holderId, String aboutId) {
            Set<String> s = doubts.get(holderId);
            if (s != null) {
                s.remove(aboutId);
            }
            return this;
        }

        /** Checks the parts and makes the board. @throws BoardException naming what is wrong */
        public Board build() {
            Map<String, Integer> characterIndex = new HashMap<>();
            List<String> characterIds = new ArrayList<>();
            for (Character c : characters) {
                requireId("character", c.id());
                if (characterIndex.putIfAbsent(c.id(), characterIndex.size()) != null) {
                    throw new BoardException("duplicate character id '" + c.id() + "'");
                }
                characterIds.add(c.id());
            }
            List<String> optionIds = new ArrayList<>();
            Set<String> seenOptions = new java.util.HashSet<>();
            for (Option o : options) {
                requireId("option", o.id());
                if (!seenOptions.add(o.id())) {
                    throw new BoardException("duplicate option id '" + o.id() + "'");
                }
                if (o.owner() == null || !characterIndex.containsKey(o.owner())) {
                    throw new BoardException("option '" + o.id() + "' (" + o.label() + ") has owner '" + o.owner()
                            + "', which is not a character" + hint(o.owner(), characterIds)
                            + " (characters: " + String.join(", ", characterIds) + ")");
                }
                optionIds.add(o.id());
            }
            OptionIndex index = new OptionIndex(optionIds);
            Map<String, Integer> owned = new HashMap<>();
            for (Option o : options) {
                if (owned.merge(o.owner(), 1, Integer::sum) == MAX_OPTIONS_PER_CHARACTER + 1) {
                    throw new BoardException("character '" + o.owner() + "' owns more than " + MAX_OPTIONS_PER_CHARACTER
                            + " options (the most one character may own); '" + o.id() + "' is one too many");
                }
            }

            for (String id : preferences.keySet()) {
                if (!characterIndex.containsKey(id)) {
                    throw new BoardException("preference given for unknown character '" + id + "'" + hint(id, characterIds));
                }
            }
            Map<String, Preference> prefs = new LinkedHashMap<>();
            for (Character c : characters) {
                Preference p = preferences.get(c.id());
                if (p == null) {
                    throw new BoardException("character '" + c.id() + "' (" + c.name() + ") has no preference");
                }
                if (p.optionCount() > optionIds.size()) {
                    throw new BoardException("preference of character '" + c.id() + "' reads " + p.optionCount()
                            + " options but the board has only " + optionIds.size());
                }
                List<String> read = p.optionIds();
                if (!read.isEmpty() && !read.equals(optionIds.subList(0, Math.min(read.size(), optionIds.size())))) {
                    throw new BoardException("preference of character '" + c.id() + "' was written for options " + read
                            + " but the board's options are " + optionIds);
                }
                prefs.put(c.id(), p);
            }

            Map<String, Future> pos = new LinkedHashMap<>();
            checkCharacters("position", positions.keySet(), characterIndex, characterIds);
            for (Character c : characters) {
                pos.put(c.id(), onOptions(POSITION, c, positions.getOrDefault(c.id(), Map.of()), index, options));
            }

            Map<String, Future> intents = new LinkedHashMap<>();
            checkCharacters("intentions", intentions.keySet(), characterIndex, characterIds);
            for (Character c : characters) {
                intents.put(c.id(), onOptions(INTENTIONS, c, intentions.getOrDefault(c.id(), Map.of()), index, options));
            }

            Map<String, Set<String>> doubtSets = new LinkedHashMap<>();
            for (Map.Entry<String, Set<String>> e : doubts.entrySet()) {
                if (!characterIndex.containsKey(e.getKey())) {
                    throw new BoardException("doubt held by unknown character '" + e.getKey() + "'" + hint(e.getKey(), characterIds));
                }
                for (String about : e.getValue()) {
                    if (!characterIndex.containsKey(about)) {
                        throw new BoardException("character '" + e.getKey() + "' doubts unknown character '" + about + "'" + hint(about, characterIds));
                    }
                    if (about.equals(e.getKey())) {
                        throw new BoardException("character '" + about + "' doubts itself; self-doubt is not supported");
                    }
                }
            }
            for (Character c : characters) {
                Set<String> about = doubts.getOrDefault(c.id(), Set.of());
                Set<String> ordered = new LinkedHashSet<>();
                for (Character other : characters) {
                    if (about.contains(other.id())) {
                        ordered.add(other.id());
                    }
                }
                doubtSets.put(c.id(), Collections.unmodifiableSet(ordered));
            }

            for (Agreement a : agreements) {
                for (String party : a.parties()) {
                    if (!characterIndex.containsKey(party)) {
                        throw new BoardException("agreement names unknown party '" + party + "'" + hint(party, characterIds));
                    }
                }
                for (String o : a.values().keySet()) {
                    if (index.indexOf(o) < 0) {
                        throw new BoardException("agreement fixes unknown option '" + o + "'" + hint(o, optionIds));
                    }
                }
            }

            return new Board(List.copyOf(characters), List.copyOf(options), Map.copyOf(characterIndex), index,
                    Collections.unmodifiableMap(pos), Collections.unmodifiableMap(intents),
                    Collections.unmodifiableMap(doubtSets), Collections.unmodifiableMap(prefs), List.copyOf(agreements));
        }

        private static void checkCharacters(String what, Set<String> ids, Map<String, Integer> known, List<String> characterIds) {
            for (String id : ids) {
                if (!known.containsKey(id)) {
                    throw new BoardException(what + " given for unknown character '" + id + "'" + hint(id, characterIds));
                }
            }
        }

        private static void requireId(String what, String id) {
            if (!Ids.isValid(id)) {
                throw new BoardException(what + " id '" + id + "' is not valid: an id is a letter followed by letters, digits or '_'");
            }
        }
    }
}
