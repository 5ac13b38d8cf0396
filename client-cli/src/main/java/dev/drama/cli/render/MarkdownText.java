package dev.drama.cli.render;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * A pack's Markdown (briefings, the introduction) as styled terminal text wrapped to a
 * width: headings in bold (the first level also in colour), **bold**, *italics*,
 * bullet and numbered lists with their continuation lines under the item's text,
 * quotes behind a bar, code as it is. Raw HTML is shown as the text it is: a pack's
 * words are data, never markup for the terminal.
 */
public final class MarkdownText {
    static final AttributedStyle TITLE = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle SUBTITLE = AttributedStyle.BOLD;
    static final AttributedStyle QUOTE = AttributedStyle.DEFAULT.faint();

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownText() {
    }

    public static AttributedString render(String markdown, int width) {
        Blocks blocks = new Blocks(width);
        PARSER.parse(markdown).accept(blocks);
        return blocks.out.toAttributedString();
    }

    /** Walks the blocks, writing each one wrapped under the indent of the lists and quotes it sits in. */
    private static final class Blocks extends AbstractVisitor {
        final AttributedStringBuilder out = new AttributedStringBuilder();
        final int width;
        /** What starts the next line written: a list marker once, then the indent under it. */
        String firstPrefix = "";
        String prefix = "";
        /** True when the line breaks before the next block are already written (a list item's first block). */
        boolean separated;

        Blocks(int width) {
            this.width = width;
        }

        @Override
        public void visit(Heading heading) {
            separate(heading);
            AttributedStyle style = heading.getLevel() == 1 ? TITLE : SUBTITLE;
            writeWrapped(Inlines.of(heading, style));
        }

        @Override
        public void visit(Paragraph paragraph) {
            separate(paragraph);
            writeWrapped(Inlines.of(paragraph, AttributedStyle.DEFAULT));
        }

        @Override
        public void visit(BulletList list) {
            items(list, "- ", 0);
        }

        @Override
        public void visit(OrderedList list) {
            Integer start = list.getMarkerStartNumber();
            items(list, null, start == null ? 1 : start);
        }

        private void items(ListBlock list, String bullet, int number) {
            separate(list);
            String outerFirst = firstPrefix;
            String outer = prefix;
            int n = number;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item != list.getFirstChild()) {
                    out.append(list.isTight() ? "\n" : "\n\n");
                }
                String marker = bullet != null ? bullet : (n++) + ". ";
                firstPrefix = (item == list.getFirstChild() ? outerFirst : outer) + marker;
                prefix = outer + " ".repeat(marker.length());
                separated = true;
                visitChildren(item);
            }
            firstPrefix = outer;
            prefix = outer;
        }

        @Override
        public void visit(ListItem item) {
            visitChildren(item);
        }

        @Override
        public void visit(BlockQuote quote) {
            separate(quote);
            String outerFirst = firstPrefix;
            String outer = prefix;
            firstPrefix = outerFirst + "| ";
            prefix = outer + "| ";
            visitChildren(quote);
            firstPrefix = outer;
            prefix = outer;
        }

        @Override
        public void visit(FencedCodeBlock code) {
            separate(code);
            verbatim(code.getLiteral(), "    ");
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            separate(code);
            verbatim(code.getLiteral(), "    ");
        }

        @Override
        public void visit(HtmlBlock html) {
            separate(html);
            verbatim(html.getLiteral(), "");
        }

        @Override
        public void visit(ThematicBreak rule) {
            separate(rule);
            writeLine(new AttributedString("-".repeat(Math.min(40, Math.max(1, width - prefix.length())))));
        }

        /** A blank line between blocks; a line break only inside a tight list; nothing before the first. */
        private void separate(Node block) {
            if (out.length() == 0 || separated) {
                separated = false;
                return;
            }
            boolean tight = block.getParent() instanceof ListItem item && item.getParent() instanceof ListBlock list
                    && list.isTight();
            out.append(tight ? "\n" : "\n\n");
        }

        private void writeWrapped(AttributedString text) {
            String first = firstPrefix;
            int indent = prefix.length();
            List<AttributedString> lines = Wrap.paragraph(
                    new AttributedStringBuilder().append(first).append(text).toAttributedString(), width, indent);
            for (int i = 0; i < lines.size(); i++) {
                AttributedString line = lines.get(i);
                if (i > 0) {
                    out.append("\n");
                    // the wrap indented with spaces; quotes want their bar on every line
                    line = line.subSequence(Math.min(indent, line.length()), line.length());
                    out.append(prefix);
                }
                out.append(line);
            }
            firstPrefix = prefix;
        }

        private void verbatim(String literal, String indent) {
            String[] lines = literal.stripTrailing().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("\n");
                }
                out.append(i == 0 ? firstPrefix : prefix).append(indent + lines[i]);
            }
            firstPrefix = prefix;
        }

        private void writeLine(AttributedString line) {
            out.append(firstPrefix).append(line);
            firstPrefix = prefix;
        }
    }

    /** The inline content of one block (text, emphasis, code, links, line breaks) as one styled line. */
    private static final class Inlines extends AbstractVisitor {
        final AttributedStringBuilder out = new AttributedStringBuilder();

        static AttributedString of(Node block, AttributedStyle base) {
            Inlines inlines = new Inlines();
            inlines.out.style(base);
            inlines.visitChildren(block);
            return inlines.out.toAttributedString();
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled(emphasis, out.style().italic());
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled(strong, out.style().bold());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral(), out.style().faint());
        }

        @Override
        public void visit(Link link) {
            visitChildren(link);
            if (!link.getDestination().isEmpty()) {
                out.append(" (" + link.getDestination() + ")");
            }
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(html.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(" ");
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            // one paragraph is one wrapped line here; a forced break reads as a space
            out.append(" ");
        }

        private void styled(Node node, AttributedStyle style) {
            AttributedStyle outer = out.style();
            out.style(style);
            visitChildren(node);
            out.style(outer);
        }
    }
}
