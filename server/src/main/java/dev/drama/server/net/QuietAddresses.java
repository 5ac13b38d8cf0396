package dev.drama.server.net;

import java.net.InetAddress;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Forgets the addresses whose budget has filled up again (they have been quiet long
 * enough), so per-address state stays bounded by the addresses active lately.
 */
final class QuietAddresses {
    private QuietAddresses() {
    }

    /** Removes each entry whose bucket is full at {@code nowNanos}, then tells {@code farewell} (under the entry's lock). */
    static <S> void forget(Map<InetAddress, S> sources, Function<S, TokenBucket> bucket, long nowNanos,
                           BiConsumer<InetAddress, S> farewell) {
        sources.forEach((address, s) -> {
            synchronized (s) {
                if (bucket.apply(s).full(nowNanos)) {
                    sources.remove(address, s);
                    farewell.accept(address, s);
                }
            }
        });
    }
}
