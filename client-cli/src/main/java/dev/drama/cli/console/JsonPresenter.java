package dev.drama.cli.console;

import dev.drama.cli.render.JsonRenderer;
import dev.drama.proto.ServerMessage;
import org.jline.utils.AttributedString;

/** Scripted output: every server message as one JSON line; local news as small JSON objects. */
public final class JsonPresenter implements Presenter {
    private final EventSink sink;

    public JsonPresenter(EventSink sink) {
        this.sink = sink;
    }

    @Override
    public void message(ServerMessage message) {
        sink.show(new AttributedString(JsonRenderer.render(message)));
    }

    @Override
    public void localError(String text) {
        sink.show(new AttributedString(JsonRenderer.localError(text)));
    }

    @Override
    public void localInfo(AttributedString text) {
        sink.show(new AttributedString(JsonRenderer.localInfo(text.toString())));
    }

    @Override
    public void connection(String text) {
        sink.show(new AttributedString(JsonRenderer.connection(text)));
    }
}
