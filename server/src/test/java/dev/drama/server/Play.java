package dev.drama.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.AdvancePhase;
import dev.drama.proto.Choice;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Commit;
import dev.drama.proto.CreateSession;
import dev.drama.proto.GetBoard;
import dev.drama.proto.Join;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.Phase;
import dev.drama.proto.Resume;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.Watch;
import java.io.IOException;

/** Small steps of a scripted session, shared by the reliability tests. */
final class Play {
    private Play() {
    }

    /** A pack as the server bundles it, for tests that search frames for its secrets. */
    static dev.drama.scenarios.model.Pack bundledPack(String id) {
        dev.drama.scenarios.registry.PackRegistry registry =
                new dev.drama.scenarios.registry.PackRegistry(null, java.time.Duration.ZERO, true);
        registry.start();
        try {
            return registry.find(id).orElseThrow();
        } finally {
            registry.close();
        }
    }

    static ClientMessage.Builder cmd() {
        return ClientMessage.newBuilder();
    }

    static OptionSetting set(String option, boolean value) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(value ? Choice.YES : Choice.NO).build();
    }

    static OptionSetting set(String option, Choice choice) {
        return OptionSetting.newBuilder().setOptionId(option).setChoice(choice).build();
    }

    static ServerMessage ok(ServerMessage reply) {
        assertThat(reply.hasError()).as("error: %s", reply.getError()).isFalse();
        return reply;
    }

    static ServerMessage acked(Wire w, ClientMessage.Builder command) throws IOException {
        ServerMessage reply = w.request(command);
        assertThat(reply.hasAck()).as("%s: %s answered %s", w.name(), command.getCommandCase(), reply).isTrue();
        return reply;
    }

    static SessionJoined create(Wire trainer, String packId) throws IOException {
        return ok(trainer.request(cmd().setCreateSession(CreateSession.newBuilder().setPackId(packId)))).getSessionJoined();
    }

    static SessionJoined join(Wire w, String code, String name, String character) throws IOException {
        return ok(w.request(cmd().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName(name)
                .setCharacterId(character)))).getSessionJoined();
    }

    static SessionJoined watch(Wire w, String code, String name) throws IOException {
        return ok(w.request(cmd().setWatch(Watch.newBuilder().setJoinCode(code).setDisplayName(name)))).getSessionJoined();
    }

    static ServerMessage resume(Wire w, String token) throws IOException {
        return w.request(cmd().setResume(Resume.newBuilder().setResumeToken(token)));
    }

    static void advance(Wire trainer, Phase to) throws IOException {
        acked(trainer, cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(to)));
    }

    static ServerMessage board(Wire w) throws IOException {
        return ok(w.request(cmd().setGetBoard(GetBoard.getDefaultInstance())));
    }

    static ClientMessage.Builder commit(OptionSetting... settings) {
        Commit.Builder c = Commit.newBuilder();
        for (OptionSetting s : settings) {
            c.addSettings(s);
        }
        return cmd().setCommit(c);
    }
}
