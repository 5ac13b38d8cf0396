package dev.drama.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the generator's connections come from: enough loopback source addresses for any run. */
class LoadClientTest {
    @Test
    void sourceAddressesRunThroughEachSlash24AndOnIntoTheNext() {
        assertEquals("127.0.0.2", LoadClient.sourceAddress(0).getHostAddress());
        assertEquals("127.0.0.254", LoadClient.sourceAddress(252).getHostAddress());
        assertEquals("127.0.1.2", LoadClient.sourceAddress(253).getHostAddress());
        assertEquals("127.1.0.2", LoadClient.sourceAddress(253 * 256).getHostAddress());
        assertEquals("127.255.255.254", LoadClient.sourceAddress(LoadClient.MAX_ADDRESSES - 1).getHostAddress());
        assertThrows(IllegalArgumentException.class, () -> LoadClient.sourceAddress(LoadClient.MAX_ADDRESSES));
    }

    @Test
    void tenThousandParticipantsAndTheirEchoConnectionsEachGetAnAddressOfTheirOwn() {
        // 1,000 sessions x (trainer + 10), then an echo connection per player: 17,000 at one per address
        Set<InetAddress> seen = new HashSet<>();
        for (int n = 0; n < 17_000; n++) {
            InetAddress a = LoadClient.sourceAddress(n);
            byte[] b = a.getAddress();
            assertEquals(127, b[0]);
            int last = b[3] & 0xff;
            assertEquals(true, last >= 2 && last <= 254, a.toString());
            seen.add(a);
        }
        assertEquals(17_000, seen.size());
    }

    @Test
    void anAddressPastTheFirstSlash24ConnectsOverLoopback() throws Exception {
        InetAddress from = LoadClient.sourceAddress(300);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             Socket client = new Socket()) {
            client.bind(new InetSocketAddress(from, 0));
            client.connect(server.getLocalSocketAddress(), 5_000);
            try (Socket accepted = server.accept()) {
                assertEquals(from, accepted.getInetAddress());
            }
        }
    }

    @Test
    void lengthsOfTimeAreSecondsOrCarryAUnit() {
        assertEquals(600, LoadGenerator.seconds("600"));
        assertEquals(90, LoadGenerator.seconds("90s"));
        assertEquals(600, LoadGenerator.seconds("10m"));
        assertEquals(3600, LoadGenerator.seconds("1h"));
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.seconds("ten minutes"));
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.seconds("-5"));
    }
}
