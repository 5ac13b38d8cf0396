package dev.drama.server.view;

import dev.drama.engine.Future;
import dev.drama.proto.Choice;
import dev.drama.proto.OptionSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between the wire's option settings and the engine's futures. */
public final class Settings {
    private Settings() {
    }

    public static List<OptionSetting> of(Map<String, Boolean> values) {
        List<OptionSetting> out = new ArrayList<>(values.size());
        values.forEach((id, value) -> out.add(setting(id, value ? Choice.YES : Choice.NO)));
        return out;
    }

    public static List<OptionSetting> of(Future future) {
        return of(future.values());
    }

    public static OptionSetting setting(String optionId, Choice choice) {
        return OptionSetting.newBuilder().setOptionId(optionId).setChoice(choice).build();
    }

    /** The future after these settings: YES and NO fix an option, OPEN leaves it open. */
    public static Future applyTo(Future base, List<OptionSetting> settings) {
        Future result = base;
        for (OptionSetting s : settings) {
            result = s.getChoice() == Choice.OPEN
                    ? result.without(s.getOptionId())
                    : result.with(s.getOptionId(), s.getChoice() == Choice.YES);
        }
        return result;
    }

    /** The fixed values of these settings (OPEN ones left out). */
    public static Map<String, Boolean> fixed(List<OptionSetting> settings) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (OptionSetting s : settings) {
            if (s.getChoice() != Choice.OPEN) {
                out.put(s.getOptionId(), s.getChoice() == Choice.YES);
            }
        }
        return out;
    }
}
