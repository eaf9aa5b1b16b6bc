package io.weatherstation;

import io.weatherstation.shared.domain.WorkerId;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The station's clock and this instance's worker identity. */
@Configuration(proxyBeanMethods = false)
class StationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkerId workerId(@Value("${station.worker-id:}") String configured) {
        if (!configured.isBlank()) {
            return WorkerId.of(configured);
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "station";
        }
        String pid = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        String raw = (host + "-" + pid + "-" + suffix).replaceAll("[^A-Za-z0-9_-]", "-");
        return WorkerId.of(raw.length() > 128 ? raw.substring(raw.length() - 128) : raw);
    }
}
