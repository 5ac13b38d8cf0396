package dev.drama.cli.render;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.drama.proto.ServerMessage;

/** One server message as one line of JSON: the scripted consoles' output format. */
public final class JsonRenderer {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private JsonRenderer() {
    }

    public static String render(com.google.protobuf.MessageOrBuilder message) {
        try {
            // JsonFormat escapes C0 controls only; C1, DEL, bidirectional and invisible characters too
            return SafeText.forJson(PRINTER.print(message));
        } catch (InvalidProtocolBufferException e) {
            // only possible with Any fields, which the protocol does not use
            throw new IllegalStateException(e);
        }
    }

    /** A text as JsonFormat writes it inside a string (it escapes = ' < > & too), without the quotes. */
    public static String escaped(String text) {
        String json = render(dev.drama.proto.Notice.newBuilder().setText(text).build());
        return json.substring("{\"text\":\"".length(), json.length() - 2);
    }

    /** {"localError":"..."}: a problem found by the console itself, nothing was sent. */
    public static String localError(String message) {
        return "{\"localError\":" + quote(message) + "}";
    }

    /** {"localInfo":"..."}: what a local command (/who, /help, /briefing) shows, in scripts. */
    public static String localInfo(String text) {
        return "{\"localInfo\":" + quote(text) + "}";
    }

    /** {"connection":"..."}: the connection was lost, is back, or gave up. */
    public static String connection(String text) {
        return "{\"connection\":" + quote(text) + "}";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return SafeText.forJson(out.append('"').toString());
    }
}
