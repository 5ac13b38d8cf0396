package dev.drama.cli;

import dev.drama.cli.net.ConnectionListener;
import dev.drama.cli.net.ServerConnection;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Welcome;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** One trainer command and its reply, for the commands that are not consoles (sessions, pack upload). */
final class OneShotRequest {
    /** Uploads of big packs take a moment to be checked. */
    private static final long REPLY_TIMEOUT_SECONDS = 60;

    /** The request could not be made; the message says why. */
    static final class FailedException extends Exception {
        private static final long serialVersionUID = 1L;

        FailedException(String message) {
            super(message);
        }
    }

    /** A check of the command against what the server said in its welcome, before anything is sent. */
    interface BeforeSending {
        void check(Welcome welcome) throws FailedException;
    }

    private OneShotRequest() {
    }

    static ServerMessage send(ServerAddress address, String trainerSecret, ClientMessage command)
            throws FailedException {
        return send(address, trainerSecret, command, welcome -> { });
    }

    static ServerMessage send(ServerAddress address, String trainerSecret, ClientMessage command, BeforeSending check)
            throws FailedException {
        ConnectionListener quiet = new ConnectionListener() {
            @Override public void onMessage(ServerMessage message) { }
            @Override public void onConnectionLost(String reason) { }
            @Override public void onReconnected() { }
            @Override public void onGaveUp(String reason) { }
        };
        ServerConnection.Settings settings;
        try {
            settings = address.settings(ConsoleLauncher.hello(trainerSecret));
        } catch (SSLException e) {
            throw new FailedException("cannot set up TLS: " + e.getMessage());
        }
        try (ServerConnection connection = new ServerConnection(settings, quiet, Runnable::run)) {
            Welcome welcome = connection.connect().get(30, TimeUnit.SECONDS);
            if (!welcome.getTrainer()) {
                throw new FailedException("the server did not accept the trainer secret");
            }
            check.check(welcome);
            return connection.send(command).get(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new FailedException(e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new FailedException("no answer from " + address.host() + ":" + address.port());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedException("interrupted");
        }
    }
}
