package dev.drama.scenarios.registry;

import dev.drama.scenarios.Problem;
import dev.drama.scenarios.model.Pack;
import java.util.List;
import java.util.Optional;

/** The result of an upload: the installed pack (absent when refused) and every problem found. */
public record UploadResult(Optional<Pack> pack, List<Problem> problems) {
    public UploadResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return pack.isPresent();
    }
}
