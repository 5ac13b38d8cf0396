package dev.drama.server.cohort;

import dev.drama.proto.Choice;
import dev.drama.proto.CohortGroup;
import dev.drama.proto.CohortView;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.OptionSpread;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cohort page's view, put together from its groups. Pure. */
public final class CohortViews {
    private CohortViews() {
    }

    /** @param pack the cohort's pack, for the options' labels (absent: the ids stand in) */
    public static CohortView view(Cohort cohort, Optional<Pack> pack, List<CohortGroup> groups) {
        List<OptionSpread> spread = spread(groups, pack);
        return CohortView.newBuilder().setCohortId(cohort.id()).setPackId(cohort.packId())
                .setPackTitle(pack.map(Pack::title).orElse(cohort.packId()))
                .addAllGroups(groups).addAllSpread(spread)
                .setGroupsWithOutcome((int) groups.stream().filter(CohortGroup::hasOutcome).count())
                .build();
    }

    /**
     * For each option in any group's outcome (in the order first met), the groups that took it
     * and those that did not. Groups without an outcome yet are left out.
     */
    public static List<OptionSpread> spread(List<CohortGroup> groups, Optional<Pack> pack) {
        Map<String, OptionSpread.Builder> byOption = new LinkedHashMap<>();
        for (CohortGroup g : groups) {
            if (!g.hasOutcome()) {
                continue;
            }
            for (OptionSetting s : g.getOutcome().getOutcomeList()) {
                OptionSpread.Builder o = byOption.computeIfAbsent(s.getOptionId(), id -> {
                    Optional<PackOption> known = pack.flatMap(p -> p.option(id));
                    return OptionSpread.newBuilder().setOptionId(id).setLabel(known.map(PackOption::label).orElse(id))
                            .setOwnerId(known.map(PackOption::owner).orElse(""));
                });
                if (s.getChoice() == Choice.YES) {
                    o.addTakenIn(g.getNumber());
                } else if (s.getChoice() == Choice.NO) {
                    o.addNotTakenIn(g.getNumber());
                }
            }
        }
        return byOption.values().stream().map(OptionSpread.Builder::build).toList();
    }
}
