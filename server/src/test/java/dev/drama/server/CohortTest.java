package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.AttachTrainer;
import dev.drama.proto.CohortGroup;
import dev.drama.proto.CohortOpened;
import dev.drama.proto.CohortView;
import dev.drama.proto.CreateCohort;
import dev.drama.proto.DilemmaKind;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.OptionSpread;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.Watch;
import dev.drama.proto.WatchCohort;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A cohort of three groups of the community-safety pack played to their outcomes: the
 * cohort view reports each group's phase, dilemmas, outcome and the dilemmas it met, and
 * the spread of outcomes over the groups; only the cohort's token (or the trainer secret)
 * opens it; the projector of a group never hears of it; it survives a restart.
 */
class CohortTest {

    static CreateCohort.Builder cohort(String pack, int groups) {
        return CreateCohort.newBuilder().setPackId(pack).setGroups(groups);
    }

    static String tokenOf(String url) {
        return url.substring(url.indexOf("&token=") + 7);
    }

    /** The latest cohort view that passes the test. */
    static CohortView view(BrowserWire page, Predicate<CohortView> test) {
        return page.await(m -> m.hasCohort() && test.test(m.getCohort())).getCohort();
    }

    /** Group {@code n}: Karen plays the council and commits to funding the outreach or not. */
    static void play(Wire trainer, Wire council, String code, boolean fund) throws Exception {
        join(council, code, "Karen", "council");
        advance(trainer, Phase.BRIEFING);
        advance(trainer, Phase.NEGOTIATION);
        advance(trainer, Phase.MOMENT_OF_TRUTH);
        acked(council, commit(set("agenda", true), set("pspo", true), set("fund", fund)));
        council.await(ServerMessage::hasOutcome);
        advance(trainer, Phase.DEBRIEF);
    }

    @Test
    void threeGroupsReportTheirOutcomesAndTheSpread() throws Exception {
        try (ServerFixture f = new ServerFixture();
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire karen1 = Wire.connect("karen1", f.port(), null);
             Wire karen2 = Wire.connect("karen2", f.port(), null);
             Wire karen3 = Wire.connect("karen3", f.port(), null);
             Wire projector = Wire.connect("projector", f.port(), null);
             BrowserWire page = BrowserWire.connect(f.server.httpPort())) {
            SessionJoined first = ok(trainer.request(cmd().setCreateCohort(cohort("community-safety", 3)))).getSessionJoined();
            assertThat(first.getRole()).isEqualTo(Role.TRAINER);
            CohortOpened opened = trainer.await(ServerMessage::hasCohortOpened).getCohortOpened();
            assertThat(opened.getGroupsList()).extracting(g -> g.getNumber()).containsExactly(1, 2, 3);
            assertThat(opened.getGroups(0).getJoinCode()).isEqualTo(first.getJoinCode());
            assertThat(opened.getGroupsList()).extracting(g -> g.getJoinCode()).doesNotHaveDuplicates();
            assertThat(opened.getCohortUrl()).contains("/cohort.html#cohort=" + opened.getCohortId() + "&token=");
            assertThat(Files.exists(f.dataDir.resolve("cohorts").resolve(opened.getCohortId() + ".cohort"))).isTrue();

            ok(page.request(cmd().setWatchCohort(WatchCohort.newBuilder().setCohortId(opened.getCohortId())
                    .setCohortToken(tokenOf(opened.getCohortUrl())))));
            CohortView lobby = view(page, v -> v.getGroupsCount() == 3);
            assertThat(lobby.getPackTitle()).contains("Eastgate");
            assertThat(lobby.getGroupsList()).allSatisfy(g -> assertThat(g.getPhase()).isEqualTo(Phase.LOBBY));

            // The projector of group 2 watches it all: a cohort's view never reaches it.
            watch(projector, opened.getGroups(1).getJoinCode(), "Projector");

            // Group 1 from the seat the cohort gave; groups 2 and 3 by moving the trainer's seat there.
            play(trainer, karen1, opened.getGroups(0).getJoinCode(), true);
            CohortView midway = view(page, v -> v.getGroups(0).getPhase() == Phase.DEBRIEF);
            assertThat(midway.getGroups(1).getPhase()).isEqualTo(Phase.LOBBY);
            assertThat(midway.getGroupsWithOutcome()).isEqualTo(1);
            SessionJoined third = ok(trainer.request(cmd().setAttachTrainer(AttachTrainer.newBuilder()
                    .setJoinCode(opened.getGroups(2).getJoinCode())))).getSessionJoined();
            assertThat(third.getSessionId()).isEqualTo(opened.getGroups(2).getSessionId());
            play(trainer, karen3, opened.getGroups(2).getJoinCode(), true);
            CohortView during = view(page, v -> v.getGroups(2).getPhase() == Phase.DEBRIEF);
            assertThat(during.getGroups(1).getPhase()).isEqualTo(Phase.LOBBY);
            ok(trainer.request(cmd().setAttachTrainer(AttachTrainer.newBuilder()
                    .setJoinCode(opened.getGroups(1).getJoinCode()))));
            play(trainer, karen2, opened.getGroups(1).getJoinCode(), false);

            CohortView end = view(page, v -> v.getGroupsList().stream().allMatch(g -> g.getPhase() == Phase.DEBRIEF));
            assertThat(end.getGroupsWithOutcome()).isEqualTo(3);
            for (CohortGroup g : end.getGroupsList()) {
                assertThat(g.getOutcome().getCharactersCount()).as("group %d's ranks", g.getNumber()).isPositive();
                assertThat(g.getMetList()).as("group %d met dilemmas", g.getNumber()).isNotEmpty();
                assertThat(g.getTrainees()).isEqualTo(1);
                assertThat(g.getCharactersList()).extracting(c -> c.getCharacterId()).contains("council", "youth");
                assertThat(g.getCharactersList().stream().filter(c -> c.getCharacterId().equals("council")))
                        .singleElement().satisfies(c -> assertThat(c.getPlayedBy()).isEqualTo("Karen"));
            }
            // Dev's opening rejection dilemma towards the council was met in every group.
            assertThat(end.getGroupsList()).allSatisfy(g -> assertThat(g.getMetList()).anySatisfy(d -> {
                assertThat(d.getKind()).isEqualTo(DilemmaKind.REJECTION);
                assertThat(d.getHolderId()).isEqualTo("youth");
            }));
            OptionSpread fund = end.getSpreadList().stream().filter(o -> o.getOptionId().equals("fund")).findFirst().orElseThrow();
            assertThat(fund.getTakenInList()).containsExactly(1, 3);
            assertThat(fund.getNotTakenInList()).containsExactly(2);
            assertThat(fund.getLabel()).isNotEqualTo("fund");
            OptionSpread agenda = end.getSpreadList().stream().filter(o -> o.getOptionId().equals("agenda")).findFirst().orElseThrow();
            assertThat(agenda.getTakenInList()).containsExactly(1, 2, 3);
            assertThat(projector.received()).noneMatch(m -> m.hasCohort() || m.hasCohortOpened());
        }
    }

    @Test
    void onlyTheCohortTokenOrTheTrainerSecretOpensTheCohortAndItSurvivesARestart() throws Exception {
        java.nio.file.Path data = Files.createTempDirectory("drama-cohort");
        CohortOpened opened;
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire trainee = Wire.connect("trainee", f.port(), null);
             BrowserWire page = BrowserWire.connect(f.server.httpPort())) {
            assertThat(trainee.request(cmd().setCreateCohort(cohort("community-safety", 3))).getError().getCode())
                    .isEqualTo(ErrorCode.NOT_AUTHENTICATED);
            assertThat(trainer.request(cmd().setCreateCohort(cohort("community-safety", 1))).getError().getCode())
                    .isEqualTo(ErrorCode.INVALID_COHORT);
            assertThat(trainer.request(cmd().setCreateCohort(cohort("no-such-pack", 2))).getError().getCode())
                    .isEqualTo(ErrorCode.UNKNOWN_PACK);
            ok(trainer.request(cmd().setCreateCohort(cohort("community-safety", 2))));
            opened = trainer.await(ServerMessage::hasCohortOpened).getCohortOpened();
            String cohortToken = tokenOf(opened.getCohortUrl());
            String groupToken = tokenOf(opened.getGroups(0).getDashboardUrl());

            // A wrong token, a group's dashboard token, the cohort token of nothing: all refused alike.
            for (WatchCohort.Builder wrong : List.of(
                    WatchCohort.newBuilder().setCohortId(opened.getCohortId()).setCohortToken(cohortToken + "x"),
                    WatchCohort.newBuilder().setCohortId(opened.getCohortId()).setCohortToken(groupToken),
                    WatchCohort.newBuilder().setCohortId(opened.getCohortId()),
                    WatchCohort.newBuilder().setCohortId("no-such-cohort").setCohortToken(cohortToken))) {
                ServerMessage refused = page.request(cmd().setWatchCohort(wrong));
                assertThat(refused.getError().getCode()).as("%s", wrong).isEqualTo(ErrorCode.UNKNOWN_COHORT);
            }
            assertThat(trainee.request(cmd().setWatchCohort(WatchCohort.newBuilder().setCohortId(opened.getCohortId())))
                    .getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_COHORT);
            // The cohort's token does not make its holder a group's trainer either.
            assertThat(page.request(cmd().setAttachTrainer(AttachTrainer.newBuilder()
                    .setJoinCode(opened.getGroups(0).getJoinCode()).setDashboardToken(cohortToken))).getError().getCode())
                    .isEqualTo(ErrorCode.UNKNOWN_SESSION);
            assertThat(page.received()).noneMatch(ServerMessage::hasCohort);
            assertThat(trainee.received()).noneMatch(ServerMessage::hasCohort);
        }
        try (ServerFixture again = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", again.port(), again.server.trainerSecret())) {
            ok(trainer.request(cmd().setWatchCohort(WatchCohort.newBuilder().setCohortId(opened.getCohortId()))));
            CohortView view = trainer.await(ServerMessage::hasCohort).getCohort();
            assertThat(view.getGroupsList()).extracting(CohortGroup::getSessionId)
                    .containsExactly(opened.getGroups(0).getSessionId(), opened.getGroups(1).getSessionId());
            assertThat(view.getGroupsList()).noneMatch(CohortGroup::getMissing);
            assertThat(view.getGroups(1).getJoinCode()).isEqualTo(opened.getGroups(1).getJoinCode());
        }
    }
}
