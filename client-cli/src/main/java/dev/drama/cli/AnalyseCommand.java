package dev.drama.cli;

import dev.drama.engine.Analysis;
import dev.drama.engine.Board;
import dev.drama.engine.DilemmaEngine;
import dev.drama.scenarios.board.BoardFile;
import dev.drama.scenarios.board.BoardFileException;
import dev.drama.scenarios.board.BoardReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drama analyse BOARD.json [--json]}: the dilemmas of a board file (drama-theory.md
 * section 7), for people or as JSON. Exit 0 on success, 1 on a bad board file (one line on
 * stderr naming the field and the problem).
 */
@Command(name = "analyse", mixinStandardHelpOptions = true,
        description = "Analyse a board file: the threatened future, each character's dilemmas, explanations and ways out.")
public final class AnalyseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BOARD.json", description = "The board file (drama-theory.md section 7).")
    Path file;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Board board;
        try {
            board = BoardFile.read(file);
        } catch (BoardFileException e) {
            err.println("drama analyse: " + file + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        Analysis analysis = DilemmaEngine.analyse(board);
        out.print(json ? BoardReport.toJsonString(analysis) + System.lineSeparator() : BoardReport.toText(board, analysis));
        out.flush();
        return 0;
    }
}
