package dev.drama.cli.console;

import dev.drama.cli.render.HumanRenderer;
import dev.drama.cli.render.SafeText;
import dev.drama.proto.ServerMessage;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Interactive output: messages in words and colour; acks and pongs stay silent. */
public final class HumanPresenter implements Presenter {
    private final HumanRenderer renderer;
    private final EventSink sink;

    public HumanPresenter(HumanRenderer renderer, EventSink sink) {
        this.renderer = renderer;
        // the one way to the terminal: whatever the server sent, no escape sequence gets through
        this.sink = text -> sink.show(SafeText.forTerminal(text));
    }

    @Override
    public void message(ServerMessage message) {
        AttributedString text = renderer.render(message);
        if (text.length() > 0) {
            sink.show(text);
        }
    }

    @Override
    public void localError(String text) {
        sink.show(renderer.wrapped(new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED))));
    }

    @Override
    public void localInfo(AttributedString text) {
        sink.show(text);
    }

    @Override
    public void connection(String text) {
        sink.show(renderer.wrapped(new AttributedString(text, AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW))));
    }
}
