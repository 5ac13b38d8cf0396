package dev.drama.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.Dilemma;
import dev.drama.engine.DilemmaEngine;
import dev.drama.engine.Future;
import dev.drama.engine.WayOut;
import dev.drama.scenarios.Problem;
import dev.drama.scenarios.guide.FacilitatorGuide;
import dev.drama.scenarios.load.LoadResult;
import dev.drama.scenarios.load.PackLoader;
import dev.drama.scenarios.model.Pack;
import dev.drama.scenarios.model.PackCharacter;
import dev.drama.scenarios.model.PackOption;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drama pack analyse PATH [--json]}: the pack's opening board and the dilemmas each
 * character starts with, through the engine; and whether the facilitator guide's
 * "Opening dilemmas" section agrees. Exit 0 when the pack loads (2 errors, 3 unreadable).
 */
@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = {"Show a pack's opening board and each character's opening dilemmas, as the engine finds them.",
                "Exit status: 0 the pack loads, 2 it has errors (they are printed), 3 the path cannot be read."})
public final class PackAnalyseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "a pack folder, its pack.yaml, or a .zip of a pack")
    Path path;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return PackCommand.guarded("analyse", () -> run(System.out));
    }

    int run(PrintStream out) throws Exception {
        LoadResult r = PackLoader.load(path);
        if (r.pack().isEmpty()) {
            int code = r.unreadable() ? 3 : 2;
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", path.toString());
                m.put("ok", false);
                m.put("problems", PackCheckCommand.problemsJson(path, r.problems()));
                out.println(new ObjectMapper().writeValueAsString(m));
            } else {
                for (Problem p : r.problems()) {
                    PackCheckCommand.print(out, path, p);
                }
                out.println(path + ": the pack has errors; `drama pack check` lists them. Nothing to analyse.");
            }
            out.flush();
            return code;
        }
        Pack pack = r.pack().get();
        Board board = pack.openingBoard();
        Analysis analysis = DilemmaEngine.analyse(board);
        FacilitatorGuide.Section guide = FacilitatorGuide.parse(pack.facilitatorFile(), pack.facilitator());
        List<String> engine = FacilitatorGuide.texts(analysis);
        List<String> missing = FacilitatorGuide.minus(engine, guide.texts());
        List<String> extra = FacilitatorGuide.minus(guide.texts(), engine);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(jsonOf(pack, board, analysis, guide, missing, extra)));
        } else {
            text(out, pack, board, analysis, guide, missing, extra);
        }
        out.flush();
        return 0;
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    private static String future(Pack pack, Future f) {
        if (f.isEmpty()) return "(nothing fixed)";
        List<String> parts = new ArrayList<>();
        f.values().forEach((k, v) -> parts.add(k + "=" + yn(v)));
        return String.join(", ", parts);
    }

    private static void text(PrintStream out, Pack pack, Board board, Analysis analysis, FacilitatorGuide.Section guide,
                             List<String> missing, List<String> extra) {
        out.println(pack.title() + " (" + pack.id() + " v" + pack.version() + ")");
        out.println();
        out.println("Characters and the options they own:");
        for (PackCharacter c : pack.characters()) {
            out.println("  " + c.id() + ": " + c.name() + (c.playable() ? "" : "  [not playable]"));
            for (PackOption o : pack.options()) {
                if (o.owner().equals(c.id())) {
                    out.println("      " + o.id() + ": " + o.label() + "  (status quo: " + yn(o.statusQuo()) + ")");
                }
            }
        }
        out.println();
        out.println("Opening positions (options each character fixes; the rest it leaves open):");
        for (PackCharacter c : pack.characters()) out.println("  " + c.id() + ": " + future(pack, board.position(c.id())));
        out.println("Stated intentions:");
        for (PackCharacter c : pack.characters()) {
            Future f = board.intentions(c.id());
            if (!f.isEmpty()) out.println("  " + c.id() + ": " + future(pack, f));
        }
        if (!pack.doubts().isEmpty()) {
            out.println("Doubts:");
            pack.doubts().forEach(d -> out.println("  " + d.holder() + " doubts " + d.about()));
        }
        out.println("Threatened future (if nobody moves): " + future(pack, analysis.threatenedFuture()));
        out.println("Crisis point: " + yn(analysis.crisisPoint()) + "; commitment point: " + yn(analysis.commitmentPoint()));
        out.println();
        out.println("Opening dilemmas (" + analysis.dilemmas().size() + "):");
        for (PackCharacter c : pack.characters()) {
            List<Dilemma> ds = analysis.of(c.id());
            out.println("  " + c.name() + " (" + c.id() + ")" + (ds.isEmpty() ? ": none" : ":"));
            for (Dilemma d : ds) {
                out.println("    - " + FacilitatorGuide.text(d));
                if (d.explanation() != null && !d.explanation().isBlank()) {
                    out.println("        " + d.explanation().strip().replace("\n", "\n        "));
                }
                for (WayOut w : d.waysOut()) out.println("        way out: " + w.description());
            }
        }
        out.println();
        if (!guide.found()) {
            out.println("The facilitator guide has no '" + FacilitatorGuide.HEADING + "' section. It should read:");
            out.print(FacilitatorGuide.section(analysis));
        } else if (missing.isEmpty() && extra.isEmpty()) {
            out.println("The facilitator guide's '" + FacilitatorGuide.HEADING.substring(3) + "' agree with the engine.");
        } else {
            out.println("The facilitator guide's '" + FacilitatorGuide.HEADING.substring(3) + "' differ from the engine:");
            for (String m : missing) out.println("  the engine finds, the guide does not list: " + m);
            for (String e : extra) out.println("  the guide lists, the engine does not find: " + e);
            out.println("The section should read:");
            out.print(FacilitatorGuide.section(analysis));
        }
    }

    private static Map<String, Object> jsonOf(Pack pack, Board board, Analysis analysis, FacilitatorGuide.Section guide,
                                              List<String> missing, List<String> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pack", pack.id());
        m.put("version", pack.version());
        m.put("title", pack.title());
        List<Map<String, Object>> chars = new ArrayList<>();
        for (PackCharacter c : pack.characters()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("name", c.name());
            cm.put("playable", c.playable());
            cm.put("position", board.position(c.id()).values());
            cm.put("intentions", board.intentions(c.id()).values());
            List<Map<String, Object>> ds = new ArrayList<>();
            for (Dilemma d : analysis.of(c.id())) ds.add(dilemma(d));
            cm.put("dilemmas", ds);
            chars.add(cm);
        }
        List<Map<String, Object>> opts = new ArrayList<>();
        for (PackOption o : pack.options()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("id", o.id());
            om.put("owner", o.owner());
            om.put("label", o.label());
            om.put("statusQuo", o.statusQuo());
            opts.add(om);
        }
        m.put("characters", chars);
        m.put("options", opts);
        m.put("threatenedFuture", analysis.threatenedFuture().values());
        m.put("crisisPoint", analysis.crisisPoint());
        m.put("commitmentPoint", analysis.commitmentPoint());
        List<Map<String, Object>> ds = new ArrayList<>();
        for (Dilemma d : analysis.dilemmas()) ds.add(dilemma(d));
        m.put("dilemmas", ds);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("found", guide.found());
        g.put("matches", guide.found() && missing.isEmpty() && extra.isEmpty());
        g.put("missing", missing);
        g.put("extra", extra);
        m.put("facilitatorGuide", g);
        return m;
    }

    private static Map<String, Object> dilemma(Dilemma d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().id());
        m.put("holder", d.holder());
        d.towards().ifPresent(t -> m.put("towards", t));
        m.put("compared", d.compared().values());
        m.put("against", d.against().values());
        m.put("explanation", d.explanation());
        List<Map<String, Object>> ws = new ArrayList<>();
        for (WayOut w : d.waysOut()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("kind", w.kind().name().toLowerCase());
            wm.put("description", w.description());
            ws.add(wm);
        }
        m.put("waysOut", ws);
        return m;
    }
}
