package dev.drama.server.web;

import dev.drama.proto.DashboardLinks;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;

/**
 * Where the browser views are served, and the links a trainer opens there. The join code and the trainer token go in the
 * URL fragment, which a browser never sends to a server nor puts in a Referer, so they
 * stay out of every log. The host is the one the trainer's console reached this server
 * at (the name it asked for over TLS, else the address it connected to), so the link
 * works from the trainer's machine.
 */
public record DashboardAddress(int httpPort, boolean tls) {

    public DashboardLinks linksFor(Channel trainerConnection, String joinCode, String dashboardToken) {
        String base = site(trainerConnection) + "/#code=" + encode(joinCode);
        return DashboardLinks.newBuilder()
                .setDashboardUrl(base + "&token=" + encode(dashboardToken))
                .setProjectorUrl(base)
                .build();
    }

    /** The cohort page of a cohort, with its token in the fragment like a dashboard link's. */
    public String cohortUrl(Channel trainerConnection, String cohortId, String cohortToken) {
        return site(trainerConnection) + "/cohort.html#cohort=" + encode(cohortId) + "&token=" + encode(cohortToken);
    }

    private String site(Channel trainerConnection) {
        return (tls ? "https://" : "http://") + hostOf(trainerConnection) + ":" + httpPort;
    }

    private static String hostOf(Channel channel) {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl != null) {
            SSLSession session = ssl.engine().getSession();
            if (session instanceof ExtendedSSLSession extended) {
                List<SNIServerName> names = extended.getRequestedServerNames();
                for (SNIServerName name : names) {
                    if (name instanceof SNIHostName host) {
                        return host.getAsciiName();
                    }
                }
            }
        }
        InetAddress local = ((InetSocketAddress) channel.localAddress()).getAddress();
        String literal = local.getHostAddress();
        if (local instanceof Inet6Address) {
            int zone = literal.indexOf('%');
            return "[" + (zone < 0 ? literal : literal.substring(0, zone)) + "]";
        }
        return literal;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
