package dev.drama.cli.console;

import dev.drama.cli.render.SafeText;
import java.io.IOException;
import dev.drama.cli.files.PrivateLines;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;

/**
 * The interactive side of a console: a JLine line reader with history and completion
 * as the {@link LineSource}, and {@link LineReader#printAbove} as the {@link EventSink},
 * so that events appear above the prompt without disturbing what the user is typing.
 */
public final class TerminalConsole implements LineSource, EventSink, Confirmation, Pager, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;
    private final Supplier<String> prompt;

    /**
     * @param historyFile where typed lines are kept between runs (owner-only; null: nowhere)
     * @param privateLines lines never kept (private talk, the trainer secret)
     */
    public TerminalConsole(Completions completions, Supplier<String> prompt, Path historyFile, PrivateLines privateLines)
            throws IOException {
        this.terminal = TerminalBuilder.builder().system(true).build();
        this.prompt = prompt;
        DefaultParser parser = new DefaultParser();
        // apostrophes are common in talk ("don't"): only double quotes group words
        parser.setQuoteChars(new char[] {'"'});
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("drama")
                .parser(parser)
                .completer(completer(completions))
                .history(new DefaultHistory() {
                    @Override
                    public void add(Instant time, String line) {
                        if (!privateLines.isPrivate(line)) {
                            super.add(time, line);
                        }
                    }
                })
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
    }

    private static Completer completer(Completions completions) {
        return (reader, line, candidates) -> {
            for (Completions.Candidate c : completions.candidates(line.words(), line.wordIndex())) {
                // JLine reads a candidate's display as ANSI: show names from the server only as safe text
                candidates.add(new Candidate(c.value(), SafeText.forTerminal(c.value()), null, null, null, null, c.complete()));
            }
        };
    }

    @Override
    public String readLine() {
        while (true) {
            try {
                return reader.readLine(prompt.get());
            } catch (UserInterruptException e) {
                // Ctrl-C clears a half-typed line; on an empty line it asks before leaving
                if (!e.getPartialLine().isEmpty() || !confirmLeaving()) {
                    continue;
                }
                return null;
            } catch (EndOfFileException e) {
                return null; // Ctrl-D on an empty line
            }
        }
    }

    /** One Ctrl-C too many must not cost a trainer the session: leaving is a yes, anything else stays. */
    private boolean confirmLeaving() {
        reader.setVariable(LineReader.DISABLE_HISTORY, true); // the answer is not a command to recall
        try {
            String answer = reader.readLine("Leave the session? y/N ").strip();
            return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
        } catch (UserInterruptException e) {
            return false;
        } catch (EndOfFileException e) {
            return true;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }

    /** Asks on the prompt line; the answer is kept out of the history. */
    @Override
    public boolean confirm(String question) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            String answer = reader.readLine(question + " ").strip().toLowerCase(java.util.Locale.ROOT);
            return answer.equals("y") || answer.equals("yes");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }

    /** Columns, as the terminal says now (it may have been resized); 0 when it cannot say (a dumb terminal). */
    public int width() {
        return terminal.getWidth();
    }

    @Override
    public synchronized void show(AttributedString text) {
        // the prompt names the character and the join code, which events may have just changed
        if (reader.isReading() && reader instanceof LineReaderImpl impl) {
            impl.setPrompt(prompt.get());
        }
        reader.printAbove(text);
    }

    /** A screenful at a time; Enter shows the next, q (or Ctrl-C, Ctrl-D) stops. Called on the input thread. */
    @Override
    public void page(String text) {
        List<String> lines = text.lines().toList();
        int height = Math.max(5, terminal.getHeight() - 2);
        for (int from = 0; from < lines.size(); from += height) {
            int to = Math.min(lines.size(), from + height);
            synchronized (this) {
                lines.subList(from, to).forEach(terminal.writer()::println);
                terminal.flush();
            }
            if (to == lines.size()) {
                return;
            }
            try {
                String answer = reader.readLine("-- " + to + " of " + lines.size() + " lines: Enter for more, q to stop -- ");
                if (answer.strip().equalsIgnoreCase("q")) {
                    return;
                }
            } catch (UserInterruptException | EndOfFileException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }
}
