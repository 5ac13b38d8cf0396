package dev.drama.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Log lines per address: a burst, then a steady trickle, and a count of what was dropped. */
class SourceLogTest {
    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(9_000 * SECOND);
    final InetAddress a = LookupGuardTest.address(1);
    final InetAddress b = LookupGuardTest.address(2);
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(SourceLog.class);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void anAddressGetsItsBurstThenItsRateAndTheDropsAreCounted() {
        SourceLog lines = new SourceLog(2, 10, now::get);
        int permitted = 0;
        for (int i = 0; i < 1000; i++) {
            if (lines.permit(a)) {
                permitted++;
            }
        }
        assertThat(permitted).isEqualTo(10);
        assertThat(lines.permit(b)).as("another address has its own budget").isTrue();
        now.addAndGet(SECOND / 2);
        assertThat(lines.permit(a)).isTrue();
        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("10.0.0.1: 990 log lines about it were dropped");
    }

    @Test
    void whatWasDroppedIsReportedWhenTheAddressIsQuietAgain() {
        SourceLog lines = new SourceLog(2, 10, now::get);
        for (int i = 0; i < 15; i++) {
            lines.permit(a);
        }
        lines.sweep();
        assertThat(appender.list).isEmpty();
        now.addAndGet(6 * SECOND);
        lines.sweep();
        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("10.0.0.1: 5 log lines about it were dropped").contains("quiet again");
        assertThat(lines.tracked()).isZero();
    }
}
