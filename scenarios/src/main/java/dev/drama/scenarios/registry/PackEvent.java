package dev.drama.scenarios.registry;

import dev.drama.scenarios.Problem;
import java.util.List;

/**
 * Something that happened in the registry. {@code source} is where the pack came from
 * ("bundled:community-safety", "community-safety.zip" in the packs folder, "upload:x.zip").
 * For REFUSED, {@code packId} may be empty (the pack.yaml was unreadable) and {@code problems}
 * says why; the version in use (if any) stays in use.
 */
public record PackEvent(Kind kind, String packId, int version, String source, List<Problem> problems) {
    public enum Kind { ADDED, UPDATED, REMOVED, REFUSED }

    public PackEvent {
        packId = packId == null ? "" : packId;
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        String s = switch (kind) {
            case ADDED -> "pack " + packId + " v" + version + " added from " + source;
            case UPDATED -> "pack " + packId + " now at v" + version + " from " + source;
            case REMOVED -> "pack " + packId + " removed (" + source + " is gone)";
            case REFUSED -> "pack " + (packId.isEmpty() ? "" : packId + " ") + "from " + source + " refused: "
                    + problems.stream().filter(Problem::isError).count() + " error(s)";
        };
        return s;
    }
}
