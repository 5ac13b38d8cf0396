package dev.drama.server.view;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.Character;
import dev.drama.proto.BoardDelta;
import dev.drama.proto.BoardView;
import dev.drama.proto.CharacterStance;
import dev.drama.proto.CharacterView;
import dev.drama.proto.OptionView;
import dev.drama.scenarios.model.Pack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The public board as participants hold it, with its version: what the session last told
 * them. After a change it works out what they must be told, a {@link BoardDelta}, by
 * comparing the engine's board with the one last told part by part, so that a move that
 * changes one character's stance builds that stance alone. A whole {@link BoardView} is
 * built only when someone needs one (arriving, coming back, asking), once per version,
 * afresh from the engine's board: so a client that applies every delta can be checked
 * against it.
 */
public final class PublicBoard {
    private final Pack pack;
    /** The display name of a character's player, empty when unplayed. */
    private final UnaryOperator<String> playedBy;
    private long version = 1;
    private Board board;
    private Analysis analysis;
    private List<CharacterView> characters;
    private List<OptionView> options;
    /** In board order, as the characters. */
    private List<CharacterStance> stances;
    private List<String> preferencesChanged = List.of();
    private BoardView whole;

    public PublicBoard(Pack pack, Board board, Analysis analysis, UnaryOperator<String> playedBy) {
        this.pack = pack;
        this.playedBy = playedBy;
        this.board = board;
        this.analysis = analysis;
        this.characters = characterViews(board);
        this.options = board.options().stream().map(o -> BoardViews.option(o, pack)).toList();
        this.stances = board.characters().stream().map(c -> BoardViews.stance(board, c.id())).toList();
    }

    public long version() {
        return version;
    }

    /** The board as it stands, whole, with its version (changed_by empty: a snapshot). */
    public BoardView whole() {
        if (whole == null) {
            BoardView.Builder b = BoardView.newBuilder().addAllCharacters(characterViews(board))
                    .addAllThreatenedFuture(Settings.of(analysis.threatenedFuture()))
                    .setCrisisPoint(analysis.crisisPoint()).setCommitmentPoint(analysis.commitmentPoint())
                    .addAllPreferencesChanged(preferencesChanged).setVersion(version);
            board.characters().forEach(c -> b.addStances(BoardViews.stance(board, c.id())));
            board.options().forEach(o -> b.addOptions(BoardViews.option(o, pack)));
            whole = b.build();
        }
        return whole;
    }

    /**
     * Takes in the board after a change.
     *
     * @param castChanged who plays whom may have changed (the engine's board does not know)
     * @param preferencesChanged the characters whose preferences an inject changed, in order
     * @param changedBy the character whose move it was; empty: the trainer or the session
     * @return what participants must be told; nothing when nothing they see changed (the version stays)
     */
    public Optional<BoardDelta> update(Board next, Analysis nextAnalysis, boolean castChanged,
                                       Collection<String> preferencesChanged, String changedBy) {
        BoardDelta.Builder delta = BoardDelta.newBuilder();
        boolean changed = false;
        if (castChanged || !next.characters().equals(board.characters())) {
            List<CharacterView> now = characterViews(next);
            changed |= addChanged(characters, now, CharacterView::getId, delta::addCharacters);
            characters = now;
        }
        if (!next.options().equals(board.options())) {
            List<OptionView> now = next.options().stream().map(o -> BoardViews.option(o, pack)).toList();
            changed |= addChanged(options, now, OptionView::getId, delta::addOptions);
            options = now;
        }
        List<CharacterStance> nowStances = stances(next);
        if (nowStances != stances) {
            changed |= addChanged(stances, nowStances, CharacterStance::getCharacterId, delta::addStances);
            stances = nowStances;
        }
        if (!nextAnalysis.threatenedFuture().equals(analysis.threatenedFuture())) {
            delta.setThreatenedFuture(BoardDelta.Settings.newBuilder()
                    .addAllSettings(Settings.of(nextAnalysis.threatenedFuture())));
            changed = true;
        }
        changed |= nextAnalysis.crisisPoint() != analysis.crisisPoint()
                || nextAnalysis.commitmentPoint() != analysis.commitmentPoint();
        if (!sameInOrder(preferencesChanged, this.preferencesChanged)) {
            this.preferencesChanged = List.copyOf(preferencesChanged);
            delta.setPreferencesChanged(BoardDelta.CharacterIds.newBuilder().addAllIds(this.preferencesChanged));
            changed = true;
        }
        board = next;
        analysis = nextAnalysis;
        if (!changed) {
            return Optional.empty();
        }
        whole = null;
        version++;
        return Optional.of(delta.setBaseVersion(version - 1).setVersion(version)
                .setCrisisPoint(analysis.crisisPoint()).setCommitmentPoint(analysis.commitmentPoint())
                .setChangedBy(changedBy).build());
    }

    private List<CharacterView> characterViews(Board b) {
        return b.characters().stream().map(c -> BoardViews.character(c, pack, playedBy.apply(c.id()))).toList();
    }

    /**
     * The stances of the next board: the ones held, where the engine's position, intentions
     * and doubts are those of the board last told (the same list when none changed).
     */
    private List<CharacterStance> stances(Board next) {
        List<CharacterStance> out = null;
        List<Character> cs = next.characters();
        for (int i = 0; i < cs.size(); i++) {
            String id = cs.get(i).id();
            CharacterStance held = i < stances.size() && stances.get(i).getCharacterId().equals(id) ? stances.get(i) : null;
            if (held != null && next.position(id).equals(board.position(id))
                    && next.intentions(id).equals(board.intentions(id)) && next.doubts(id).equals(board.doubts(id))) {
                if (out != null) {
                    out.add(held);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(stances.subList(0, Math.min(i, stances.size())));
            }
            out.add(BoardViews.stance(next, id));
        }
        return out == null ? stances : List.copyOf(out);
    }

    /** Passes on each item of {@code now} that is not the same in {@code held} (matched by id); true if any. */
    private static <T> boolean addChanged(List<T> held, List<T> now, Function<T, String> id, Consumer<T> add) {
        boolean any = false;
        for (int i = 0; i < now.size(); i++) {
            T item = now.get(i);
            T before = i < held.size() && id.apply(held.get(i)).equals(id.apply(item)) ? held.get(i) : null;
            if (!item.equals(before)) {
                add.accept(item);
                any = true;
            }
        }
        return any;
    }

    private static boolean sameInOrder(Collection<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<String> i = a.iterator();
        for (String s : b) {
            if (!s.equals(i.next())) {
                return false;
            }
        }
        return true;
    }
}
