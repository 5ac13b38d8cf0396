package dev.drama.scenarios.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.Character;
import dev.drama.engine.Dilemma;
import dev.drama.engine.Future;
import dev.drama.engine.Option;
import dev.drama.engine.OptionDetail;
import dev.drama.engine.WayOut;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of drama-theory.md section 7: as JSON ({@code threatenedFuture}, {@code dilemmas}
 * with lowercase {@code kind}, {@code holder}, {@code towards} absent for threat and
 * co-operation, plus the futures compared, option-level detail, ways out and explanations),
 * and as text for people.
 */
public final class BoardReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BoardReport() {
    }

    public static ObjectNode toJson(Analysis analysis) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.set("threatenedFuture", future(analysis.threatenedFuture()));
        root.put("crisisPoint", analysis.crisisPoint());
        root.put("commitmentPoint", analysis.commitmentPoint());
        ArrayNode dilemmas = root.putArray("dilemmas");
        for (Dilemma d : analysis.dilemmas()) {
            ObjectNode o = dilemmas.addObject();
            o.put("kind", d.kind().id());
            o.put("holder", d.holder());
            d.towards().ifPresent(t -> o.put("towards", t));
            o.put("key", d.key());
            o.put("explanation", d.explanation());
            o.set("compared", future(d.compared()));
            o.set("against", future(d.against()));
            if (!d.detail().isEmpty()) {
                ArrayNode detail = o.putArray("detail");
                for (OptionDetail od : d.detail()) {
                    ObjectNode x = detail.addObject();
                    x.put("option", od.optionId());
                    x.put("owner", od.ownerId());
                    x.put("threatened", od.threatened());
                    x.put("proposed", od.proposed());
                    x.put("verdict", od.verdict());
                }
            }
            ArrayNode ways = o.putArray("waysOut");
            for (WayOut w : d.waysOut()) {
                ObjectNode x = ways.addObject();
                x.put("kind", w.kind().name().toLowerCase(Locale.ROOT));
                x.put("concrete", w.isConcrete());
                x.put("description", w.description());
                if (!w.intentions().isEmpty()) {
                    x.set("intentions", values(w.intentions()));
                }
                if (!w.position().isEmpty()) {
                    x.set("position", values(w.position()));
                }
                if (!w.release().isEmpty()) {
                    w.release().forEach(x.putArray("release")::add);
                }
                if (!w.withdrawDoubt().isEmpty()) {
                    x.put("withdrawDoubt", w.withdrawDoubt());
                }
                x.put("keepsAgreements", w.keepsAgreements());
                x.put("cost", w.cost());
            }
        }
        return root;
    }

    public static String toJsonString(Analysis analysis) {
        try {
            return MAPPER.writeValueAsString(toJson(analysis));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always serialises
        }
    }

    /** The report for people: the threatened future by label, then each character's dilemmas, explanations and ways out. */
    public static String toText(Board board, Analysis analysis) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("Threatened future (what happens if nobody moves):\n");
        for (Option o : board.options()) {
            sb.append("  ").append(o.label()).append(": ").append(yesNo(analysis.threatenedFuture().value(o.id()).orElse(false)))
                    .append("   (").append(board.character(o.owner()).map(Character::name).orElse(o.owner())).append(")\n");
        }
        sb.append(analysis.commitmentPoint() ? "A commitment point: every position agrees with it.\n"
                : "A crisis point: positions conflict with it.\n");
        if (analysis.dilemmas().isEmpty()) {
            sb.append("\nNo character has a dilemma: the drama is resolved.\n");
            return sb.toString();
        }
        for (Character c : board.characters()) {
            List<Dilemma> mine = analysis.of(c.id());
            sb.append('\n').append(c.name());
            if (!c.name().equals(c.id())) {
                sb.append(" (").append(c.id()).append(')');
            }
            if (mine.isEmpty()) {
                sb.append(": no dilemma\n");
                continue;
            }
            sb.append(": ").append(mine.size()).append(mine.size() == 1 ? " dilemma\n" : " dilemmas\n");
            for (Dilemma d : mine) {
                sb.append("  * ").append(title(board, d)).append('\n');
                sb.append(wrap(d.explanation(), "      ", "      ")).append('\n');
                if (!d.waysOut().isEmpty()) {
                    sb.append("    Ways out:\n");
                    for (WayOut w : d.waysOut()) {
                        sb.append(wrap(w.description() + " (" + w.cost() + ")", "      - ", "        ")).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String title(Board board, Dilemma d) {
        String kind = d.kind().id();
        String word = kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
        return d.towards().map(t -> word + " dilemma towards " + board.character(t).map(Character::name).orElse(t))
                .orElse(word + " dilemma");
    }

    /** Word-wrapped to 88 columns: the first line after {@code first}, the others after {@code rest}. */
    private static String wrap(String text, String first, String rest) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int width = 88;
        out.append(first);
        int start = first.length();
        int col = start;
        for (String word : text.split(" ")) {
            if (col + word.length() + 1 > width && col > start) {
                out.append('\n').append(rest);
                start = rest.length();
                col = start;
            } else if (col > start) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static ObjectNode future(Future future) {
        return values(future.values());
    }

    private static ObjectNode values(Map<String, Boolean> values) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        values.forEach(o::put);
        return o;
    }
}
