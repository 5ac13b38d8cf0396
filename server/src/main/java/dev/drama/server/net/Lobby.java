package dev.drama.server.net;

import dev.drama.proto.AttachTrainer;
import dev.drama.proto.CohortGroupLinks;
import dev.drama.proto.CohortOpened;
import dev.drama.proto.CreateCohort;
import dev.drama.proto.DashboardLinks;
import dev.drama.proto.WatchCohort;
import dev.drama.server.cohort.Cohort;
import dev.drama.server.cohort.CohortWatch;
import dev.drama.server.cohort.Cohorts;
import dev.drama.server.visibility.Viewer;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Join;
import dev.drama.proto.PackList;
import dev.drama.proto.PackSummary;
import dev.drama.proto.Pong;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionList;
import dev.drama.proto.Welcome;
import dev.drama.scenarios.Problem;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.scenarios.registry.UploadResult;
import dev.drama.server.TrainerSecret;
import dev.drama.server.session.Participant;
import dev.drama.server.session.Refusal;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionRegistry;
import dev.drama.server.web.DashboardAddress;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands a connection makes before (or instead of) acting in a session: hello,
 * opening, joining, resuming and watching sessions, and the trainer's server-wide
 * requests. Session commands are handed to the connection's session.
 */
public final class Lobby {
    private static final Logger log = LoggerFactory.getLogger(Lobby.class);
    static final String SERVER_NAME = "drama-server 0.1";

    private final SessionRegistry sessions;
    private final Cohorts cohorts;
    private final PackRegistry packs;
    private final TrainerSecret secret;
    private final LookupGuard guesses;
    /** Where pack uploads are checked: seconds of work that must not stall a network thread. */
    private final Executor packChecks;
    /** Where the browser views are, once their port is bound; null when the server serves none. */
    private volatile DashboardAddress dashboard;

    public Lobby(SessionRegistry sessions, Cohorts cohorts, PackRegistry packs, TrainerSecret secret, LookupGuard guesses,
                 Executor packChecks) {
        this.sessions = sessions;
        this.cohorts = cohorts;
        this.packs = packs;
        this.secret = secret;
        this.guesses = guesses;
        this.packChecks = packChecks;
    }

    /** From now on a trainer taking a seat is told the session's dashboard and projector links. */
    public void serveDashboard(DashboardAddress address) {
        dashboard = address;
    }

    /** Handles a command from a connection that has said hello. */
    void handle(Connection c, ClientMessage m) {
        long id = m.getRequestId();
        switch (m.getCommandCase()) {
            case HELLO -> c.send(Replies.error(id, ErrorCode.MALFORMED_COMMAND, "hello was already said"));
            case PING -> c.send(ServerMessage.newBuilder().setRequestId(id)
                    .setPong(Pong.newBuilder().setNonce(m.getPing().getNonce())).build());
            case LIST_PACKS -> ifTrainer(c, id, () -> c.send(packList(id)));
            case LIST_SESSIONS -> ifTrainer(c, id, () -> c.send(ServerMessage.newBuilder().setRequestId(id)
                    .setSessions(SessionList.newBuilder().addAllSessions(sessions.summaries())).build()));
            case UPLOAD_PACK -> ifTrainer(c, id, () -> upload(c, m));
            case CREATE_SESSION -> ifTrainer(c, id, () -> create(c, m));
            case CREATE_COHORT -> ifTrainer(c, id, () -> createCohort(c, id, m.getCreateCohort()));
            case WATCH_COHORT -> watchCohort(c, id, m.getWatchCohort());
            case ATTACH_TRAINER -> attachTrainer(c, id, m.getAttachTrainer());
            case JOIN -> enter(c, id, m.getJoin().getJoinCode(), m.getJoin().getDisplayName(), Role.TRAINEE,
                    m.getJoin().getCharacterId(), m.getJoin());
            case WATCH -> enter(c, id, m.getWatch().getJoinCode(), m.getWatch().getDisplayName(), Role.OBSERVER, "",
                    Join.getDefaultInstance());
            case RESUME -> resume(c, id, m.getResume());
            case LEAVE -> leave(c, id);
            case COMMAND_NOT_SET -> c.send(Replies.error(id, ErrorCode.MALFORMED_COMMAND, "the message holds no command"));
            default -> inSession(c, m);
        }
    }

    /** The reply to hello: checks the protocol version and, if given, the trainer secret. */
    boolean hello(Connection c, ClientMessage m) {
        long id = m.getRequestId();
        if (!m.hasHello()) {
            Replies.closeWith(c.channel(), ErrorCode.MALFORMED_COMMAND, "say hello first");
            return false;
        }
        if (m.getHello().getProtocolVersion() != ProtocolVersion.PROTOCOL_VERSION_CURRENT) {
            c.send(Replies.error(id, ErrorCode.PROTOCOL_VERSION_MISMATCH, "this server speaks protocol version "
                    + ProtocolVersion.PROTOCOL_VERSION_CURRENT_VALUE + "; update your client"));
            c.close();
            return false;
        }
        String offered = m.getHello().getTrainerSecret();
        if (!offered.isEmpty() && !secret.matches(offered)) {
            c.send(Replies.error(id, ErrorCode.NOT_AUTHENTICATED, "the trainer secret is wrong"));
            c.close();
            return false;
        }
        c.trainer(!offered.isEmpty());
        c.send(ServerMessage.newBuilder().setRequestId(id).setWelcome(Welcome.newBuilder()
                .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT).setServer(SERVER_NAME)
                .setTrainer(c.trainer()).setMaxFrameBytes(c.maxFrameBytes())).build());
        return true;
    }

    /** The connection closed: its participant has left (and may come back with its token). */
    void disconnected(Connection c) {
        Connection.Membership m = c.membership();
        if (m != null) {
            m.session().left(m.participant(), c);
        }
    }

    private void ifTrainer(Connection c, long id, Runnable action) {
        if (c.trainer()) {
            action.run();
        } else {
            c.send(Replies.error(id, ErrorCode.NOT_AUTHENTICATED, "only a trainer (with the trainer secret) can do that"));
        }
    }

    private boolean notYetInSession(Connection c, long id) {
        if (c.membership() != null) {
            c.send(Replies.error(id, ErrorCode.ALREADY_IN_SESSION, "this connection is already in a session"));
            return false;
        }
        return true;
    }

    private void create(Connection c, ClientMessage m) {
        long id = m.getRequestId();
        if (!notYetInSession(c, id)) {
            return;
        }
        try {
            Session session = sessions.open(m.getCreateSession().getPackId());
            session.join(c, id, m.getCreateSession().getDisplayName(), Role.TRAINER, "", "", 0, seated(c, session));
        } catch (IOException e) {
            log.error("could not open a session", e);
            c.send(Replies.error(id, ErrorCode.INTERNAL, "the server could not create the session's journal"));
        } catch (Refusal r) {
            c.send(Replies.error(id, r.code(), r.getMessage()));
        }
    }

    /**
     * With the trainer secret, any session; with a session's dashboard token, that session
     * only. A wrong token is answered like a wrong join code (and counts as a guess), so it
     * does not tell whether the code was right. An empty name is the session's to choose
     * ("Trainer", or "Trainer 2"... beside a connected trainer).
     */
    private void attachTrainer(Connection c, long id, AttachTrainer attach) {
        String name = attach.getDisplayName();
        String code = attach.getJoinCode();
        String token = attach.getDashboardToken();
        if (c.trainer() || token.isEmpty()) {
            ifTrainer(c, id, () -> enter(c, id, code, name, Role.TRAINER, "", Join.getDefaultInstance()));
            return;
        }
        enter(c, id, () -> sessions.byJoinCode(code).filter(s -> secret.matchesDashboardToken(s.id(), token)),
                "that dashboard link opens no session here (the join code may have changed): "
                        + "use the link the trainer's console printed last", name, Role.TRAINER, "", Join.getDefaultInstance());
    }

    /** @param kept a trainee's kept token and last event seen (empty for everyone else) */
    private void enter(Connection c, long id, String code, String name, Role role, String characterWish, Join kept) {
        enter(c, id, () -> sessions.byJoinCode(code), "no session has the join code '" + code + "'", name, role,
                characterWish, kept);
    }

    private void enter(Connection c, long id, Supplier<Optional<Session>> find, String notFound, String name, Role role,
                       String characterWish, Join kept) {
        boolean switching = role == Role.TRAINER && c.membership() != null
                && c.membership().participant().role() == Role.TRAINER;
        if (!switching && !notYetInSession(c, id)) {
            return;
        }
        Optional<Session> session = guesses.lookup(c, id, find, notFound);
        if (session.isEmpty()) {
            return;
        }
        if (switching) {
            // A trainer moves between sessions (a cohort's groups) on one connection: it leaves the seat it had.
            disconnected(c);
            c.membership(null);
        }
        session.get().join(c, id, name, role, characterWish, kept.getResumeToken(), kept.getLastSeq(),
                seated(c, session.get()));
    }

    private void resume(Connection c, long id, dev.drama.proto.Resume resume) {
        if (!notYetInSession(c, id)) {
            return;
        }
        String token = resume.getResumeToken();
        Optional<SessionRegistry.Seat> seat = guesses.lookup(c, id, () -> sessions.byToken(token),
                "that resume token is not known here");
        if (seat.isEmpty()) {
            return;
        }
        Session session = seat.get().session();
        session.resume(seat.get().participantId(), token, c.trainer(), resume.getLastSeq(), c, id, seated(c, session));
    }

    private Consumer<Participant> seated(Connection c, Session session) {
        return p -> {
            c.membership(new Connection.Membership(session, p));
            log.info("{} is {} '{}' in session {}", c, p.role().name().toLowerCase(), p.displayName(), session.id());
            DashboardAddress web = dashboard;
            if (web != null && p.role() == Role.TRAINER) {
                // Sent again whenever the join code changes (see Connection), so the links shown stay the working ones.
                String token = secret.dashboardToken(session.id());
                c.dashboardLinks(code -> ServerMessage.newBuilder()
                        .setDashboardLinks(web.linksFor(c.channel(), code, token)).build());
                c.send(ServerMessage.newBuilder().setDashboardLinks(web.linksFor(c.channel(), session.joinCode(), token))
                        .build());
            } else {
                c.dashboardLinks(null);
            }
        };
    }

    /** Opens a session per group, seats this trainer in group 1, then tells it the groups and their links. */
    private void createCohort(Connection c, long id, CreateCohort create) {
        if (!notYetInSession(c, id)) {
            return;
        }
        try {
            Cohort cohort = cohorts.open(create.getPackId(), create.getGroups());
            Session first = cohorts.session(cohort, 1).orElseThrow();
            first.join(c, id, create.getDisplayName(), Role.TRAINER, "", "", 0, seated(c, first).andThen(p ->
                    c.send(ServerMessage.newBuilder().setCohortOpened(cohortOpened(c, cohort)).build())));
        } catch (IOException e) {
            log.error("could not open a cohort", e);
            c.send(Replies.error(id, ErrorCode.INTERNAL, "the server could not save the cohort"));
        } catch (Refusal r) {
            c.send(Replies.error(id, r.code(), r.getMessage()));
        }
    }

    private CohortOpened cohortOpened(Connection c, Cohort cohort) {
        DashboardAddress web = dashboard;
        CohortOpened.Builder opened = CohortOpened.newBuilder().setCohortId(cohort.id()).setPackId(cohort.packId());
        if (web != null) {
            opened.setCohortUrl(web.cohortUrl(c.channel(), cohort.id(), secret.cohortToken(cohort.id())));
        }
        for (int n = 1; n <= cohort.groups(); n++) {
            CohortGroupLinks.Builder group = CohortGroupLinks.newBuilder().setNumber(n).setSessionId(cohort.sessionOf(n));
            cohorts.session(cohort, n).ifPresent(s -> {
                String code = s.summary().getJoinCode();
                group.setJoinCode(code);
                if (web != null) {
                    DashboardLinks links = web.linksFor(c.channel(), code, secret.dashboardToken(s.id()));
                    group.setDashboardUrl(links.getDashboardUrl()).setProjectorUrl(links.getProjectorUrl());
                }
            });
            opened.addGroups(group);
        }
        return opened.build();
    }

    /**
     * With the cohort link's token, or the trainer secret: the connection follows the cohort's
     * groups. A wrong token is answered like a wrong join code, and counts as a guess.
     */
    private void watchCohort(Connection c, long id, WatchCohort watch) {
        Optional<Cohort> cohort = guesses.lookup(c, id, () -> cohorts.byId(watch.getCohortId())
                        .filter(k -> c.trainer() || secret.matchesCohortToken(k.id(), watch.getCohortToken())),
                ErrorCode.UNKNOWN_COHORT, "that cohort link opens no cohort here: use the link the trainer's console printed");
        if (cohort.isEmpty()) {
            return;
        }
        c.send(ServerMessage.newBuilder().setRequestId(id).setAck(dev.drama.proto.Ack.getDefaultInstance()).build());
        c.watching(CohortWatch.start(cohorts, cohort.get(), COHORT_VIEWER, c, c.channel().eventLoop()));
    }

    /** Who follows a cohort: a trainer of every group, playing no character. */
    private static final Viewer COHORT_VIEWER = new Viewer() {
        @Override
        public Role role() {
            return Role.TRAINER;
        }

        @Override
        public String characterId() {
            return "";
        }
    };

    private void leave(Connection c, long id) {
        disconnected(c);
        c.membership(null);
        c.send(ServerMessage.newBuilder().setRequestId(id).setAck(dev.drama.proto.Ack.getDefaultInstance()).build());
    }

    private void inSession(Connection c, ClientMessage m) {
        Connection.Membership seat = c.membership();
        if (seat == null) {
            c.send(Replies.error(m.getRequestId(), ErrorCode.NOT_IN_SESSION, "join a session first"));
            return;
        }
        seat.session().submit(seat.participant(), m, c);
    }

    private ServerMessage packList(long id) {
        PackList.Builder list = PackList.newBuilder();
        for (Pack p : packs.list()) {
            list.addPacks(PackSummary.newBuilder().setPackId(p.id()).setTitle(p.title())
                    .setVersion(String.valueOf(p.version())).setCharacters(p.characters().size())
                    .setOptions(p.options().size()));
        }
        return ServerMessage.newBuilder().setRequestId(id).setPacks(list).build();
    }

    private void upload(Connection c, ClientMessage m) {
        try {
            packChecks.execute(() -> checkAndLoad(c, m));
        } catch (RejectedExecutionException e) {
            c.send(Replies.error(m.getRequestId(), ErrorCode.LIMIT_REACHED,
                    "the server is busy checking other packs; try again in a moment"));
        }
    }

    private void checkAndLoad(Connection c, ClientMessage m) {
        long id = m.getRequestId();
        UploadResult result = packs.upload(m.getUploadPack().getFileName(), m.getUploadPack().getZip().toByteArray());
        if (result.ok()) {
            log.info("pack {} uploaded by {}", result.pack().orElseThrow(), c);
            c.send(packList(id));
        } else {
            StringBuilder report = new StringBuilder("the pack was refused; nothing was changed:");
            for (Problem p : result.problems()) {
                report.append('\n').append(p);
            }
            c.send(Replies.error(id, ErrorCode.INVALID_PACK, report.toString()));
        }
    }
}
