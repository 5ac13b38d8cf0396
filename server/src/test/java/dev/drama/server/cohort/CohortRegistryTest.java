package dev.drama.server.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drama.proto.Choice;
import dev.drama.proto.CohortGroup;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionSpread;
import dev.drama.proto.OutcomeEvent;
import dev.drama.server.session.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cohort registry, the spread of outcomes, and cohort files, without a server. */
class CohortRegistryTest {

    static Cohort cohort(String id, long created, String... sessions) {
        return new Cohort(id, "community-safety", List.of(sessions), created);
    }

    @Test
    void findsCohortsAndTheGroupOfEachSession() {
        CohortRegistry registry = new CohortRegistry();
        registry.add(cohort("c2", 20, "s4", "s5"));
        registry.add(cohort("c1", 10, "s1", "s2", "s3"));
        assertThat(registry.byId("c1").orElseThrow().groups()).isEqualTo(3);
        assertThat(registry.byId("nope")).isEmpty();
        assertThat(registry.cohortOf("s5").orElseThrow().id()).isEqualTo("c2");
        assertThat(registry.groupOf("s3").getAsInt()).isEqualTo(3);
        assertThat(registry.groupOf("s4").getAsInt()).isEqualTo(1);
        assertThat(registry.groupOf("alone")).isEmpty();
        assertThat(registry.all()).extracting(Cohort::id).containsExactly("c1", "c2");
        assertThat(registry.byId("c1").orElseThrow().sessionOf(2)).isEqualTo("s2");
    }

    @Test
    void aSessionBelongsToOneCohortAndAnIdToOne() {
        CohortRegistry registry = new CohortRegistry();
        registry.add(cohort("c1", 10, "s1", "s2"));
        assertThatThrownBy(() -> registry.add(cohort("c2", 20, "s3", "s2"))).hasMessageContaining("s2");
        assertThatThrownBy(() -> registry.add(cohort("c1", 30, "s7", "s8"))).hasMessageContaining("exists");
        assertThat(registry.cohortOf("s3")).isEmpty();
    }

    @Test
    void aCohortHasTwoToTwelveGroups() {
        CohortRegistry.checkGroups(2);
        CohortRegistry.checkGroups(12);
        for (int wrong : new int[] {0, 1, 13}) {
            assertThatThrownBy(() -> CohortRegistry.checkGroups(wrong)).isInstanceOfSatisfying(Refusal.class,
                    r -> {
                        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_COHORT);
                        assertThat(r.getMessage()).isEqualTo("a cohort has 2 to 12 groups, not " + wrong);
                    });
        }
    }

    static CohortGroup ended(int number, boolean fund, boolean walkout) {
        return CohortGroup.newBuilder().setNumber(number).setOutcome(OutcomeEvent.newBuilder()
                .addOutcome(OptionSetting.newBuilder().setOptionId("fund").setChoice(fund ? Choice.YES : Choice.NO))
                .addOutcome(OptionSetting.newBuilder().setOptionId("walkout").setChoice(walkout ? Choice.YES : Choice.NO)))
                .build();
    }

    @Test
    void theSpreadCountsTheGroupsThatTookEachOptionAndLeavesOutThoseStillPlaying() {
        List<CohortGroup> groups = List.of(ended(1, true, false), CohortGroup.newBuilder().setNumber(2).build(),
                ended(3, true, true), ended(4, false, false));
        List<OptionSpread> spread = CohortViews.spread(groups, Optional.empty());
        assertThat(spread).extracting(OptionSpread::getOptionId).containsExactly("fund", "walkout");
        assertThat(spread.get(0).getTakenInList()).containsExactly(1, 3);
        assertThat(spread.get(0).getNotTakenInList()).containsExactly(4);
        assertThat(spread.get(1).getTakenInList()).containsExactly(3);
        assertThat(spread.get(1).getNotTakenInList()).containsExactly(1, 4);
        assertThat(spread.get(0).getLabel()).isEqualTo("fund");  // no pack: the id stands in
        assertThat(CohortViews.view(cohort("c", 0, "a", "b", "c", "d"), Optional.empty(), groups).getGroupsWithOutcome())
                .isEqualTo(3);
        assertThat(CohortViews.spread(List.of(CohortGroup.newBuilder().setNumber(1).build()), Optional.empty())).isEmpty();
    }

    @Test
    void aCohortFileIsReadBackAsWrittenAndABrokenOneIsSkipped() throws IOException {
        Path dir = Files.createTempDirectory("cohorts").resolve("cohorts");
        CohortFiles files = new CohortFiles(dir);
        Cohort written = cohort("abc", 1234, "s1", "s2", "s3");
        files.save(written);
        files.save(cohort("def", 99, "s4", "s5"));
        Files.writeString(dir.resolve("broken" + CohortFiles.SUFFIX), "drama cohort 1\nid broken\n");
        Files.writeString(dir.resolve("alien" + CohortFiles.SUFFIX), "something else\n");
        assertThat(files.loadAll()).containsExactlyInAnyOrder(written, cohort("def", 99, "s4", "s5"));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("abc" + CohortFiles.SUFFIX)))).isEqualTo("rw-------");
        }
        assertThat(new CohortFiles(dir.resolve("none")).loadAll()).isEmpty();
    }
}
