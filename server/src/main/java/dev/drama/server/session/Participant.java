package dev.drama.server.session;

import dev.drama.bots.Stance;
import dev.drama.proto.Role;

/**
 * Someone in a session: trainer, trainee or observer, or the seat of a computer-played
 * character (a player whose connection is the computer). Changed only by its session's actor.
 */
public final class Participant implements Fanout.Seat {
    private final String id;
    private final String displayName;
    private final Role role;
    private byte[] tokenHash;
    private String characterId = "";
    private Recipient connection;
    private boolean removed;
    private boolean muted;
    private long leftAtMs;
    /** The latest event seq published while it was connected: where its catch-up starts. */
    private long seenSeq;
    /** Set for a computer-played character's seat. */
    private Computer computer;

    /** How the computer plays a character: its stance, and the seed of its random element. */
    record Computer(Stance stance, long seed) {
    }

    Participant(String id, String displayName, Role role, byte[] tokenHash) {
        this.id = id;
        this.displayName = displayName;
        this.role = role;
        this.tokenHash = tokenHash;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public String characterId() {
        return characterId;
    }

    /** The computer's seat for a character it plays, never a person's. */
    static Participant computer(String id, String characterId, Computer computer) {
        Participant p = new Participant(id, "computer (" + computer.stance().word() + ")", Role.TRAINEE, new byte[0]);
        p.characterId = characterId;
        p.computer = computer;
        return p;
    }

    /** The computer plays this seat: its stance and seed, or empty for a person. */
    java.util.Optional<Computer> computer() {
        return java.util.Optional.ofNullable(computer);
    }

    public boolean hasCharacter() {
        return !characterId.isEmpty();
    }

    byte[] tokenHash() {
        return tokenHash;
    }

    /** Its seat was taken back by name: only the new token resumes it now. */
    void reissue(byte[] newTokenHash) {
        tokenHash = newTokenHash;
    }

    void assign(String characterId) {
        this.characterId = characterId;
    }

    public boolean connected() {
        return connection != null;
    }

    Recipient connection() {
        return connection;
    }

    @Override
    public Recipient recipient() {
        return removed ? null : connection;
    }

    void attach(Recipient recipient) {
        this.connection = recipient;
    }

    void detach(long nowMs, long lastPublishedSeq) {
        this.connection = null;
        this.leftAtMs = nowMs;
        this.seenSeq = lastPublishedSeq;
    }

    long seenSeq() {
        return seenSeq;
    }

    /**
     * Whether it holds a seat: connected, or a trainer or trainee gone for less than the
     * grace window. An observer's seat ends when it leaves. The participant cap counts these
     * (the computer's seats are not people, and are not counted).
     */
    boolean holdsSeat(long nowMs, long graceMs) {
        return !removed && computer == null && (connected() || role != Role.OBSERVER && nowMs - leftAtMs <= graceMs);
    }

    /** Whether others see it in the session: everyone not removed, except observers who left. */
    boolean listed() {
        return !removed && (connected() || role != Role.OBSERVER);
    }

    /** When the connection was last lost (0: never, or connected now). */
    long leftAtMs() {
        return leftAtMs;
    }

    boolean removed() {
        return removed;
    }

    void remove() {
        removed = true;
        characterId = "";
    }

    public boolean muted() {
        return muted;
    }

    void mute(boolean value) {
        muted = value;
    }

    /**
     * This participant seen as the player of a character, for a move a trainer makes for a
     * character nobody plays: same id, name and mute, never connected, never stored.
     */
    Participant standingInFor(String characterId) {
        Participant p = new Participant(id, displayName, Role.TRAINEE, tokenHash);
        p.characterId = characterId;
        p.muted = muted;
        return p;
    }

    dev.drama.proto.Participant view() {
        return dev.drama.proto.Participant.newBuilder()
                .setParticipantId(id).setDisplayName(displayName).setRole(role)
                .setCharacterId(characterId).setConnected(connected()).setMuted(muted)
                .setComputerStance(computer == null ? "" : computer.stance().word())
                .build();
    }
}
