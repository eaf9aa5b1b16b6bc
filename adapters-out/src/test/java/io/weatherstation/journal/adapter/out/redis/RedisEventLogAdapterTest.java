package io.weatherstation.journal.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.journal.adapter.out.EventLogContract;
import io.weatherstation.journal.application.port.out.EventLog;
import io.weatherstation.journal.domain.EventId;
import io.weatherstation.journal.domain.StoredEvent;
import io.weatherstation.shared.adapter.out.redis.RedisTestSupport;
import io.weatherstation.shared.domain.FlowId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The distributed mode's event log on a real Redis meets the contract; the stream's key, type and
 * TTL are as documented, and an instance on another connection reads the same ids.
 */
class RedisEventLogAdapterTest extends EventLogContract {

    private final RedisTestSupport redis = RedisTestSupport.open();
    private final List<RedisMessageListenerContainer> containers = new ArrayList<>();
    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (RedisMessageListenerContainer container : containers) {
            container.destroy();
        }
        factories.forEach(LettuceConnectionFactory::destroy);
        redis.close();
    }

    @Override
    protected EventLog log(int retained) {
        return log(retained, RedisTestSupport.sharedFactory());
    }

    private RedisEventLogAdapter log(int retained, LettuceConnectionFactory factory) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.afterPropertiesSet();
        container.start();
        containers.add(container);
        return new RedisEventLogAdapter(redis.templateOn(factory), redis.keyspace(), container, retained,
                Duration.ofHours(24));
    }

    @Test
    void each_flow_is_a_stream_with_a_ttl_under_the_prefix() {
        RedisEventLogAdapter log = log(1_000, RedisTestSupport.sharedFactory());
        FlowId flow = FlowId.of("stored");

        log.append(events(flow, 0, 2));

        String key = redis.keyspace().key("flow_events:stored");
        assertThat(log.streamKey(flow)).isEqualTo(key);
        assertThat(redis.template().type(key).code()).isEqualTo("stream");
        assertThat(redis.template().getExpire(key)).isBetween(Duration.ofHours(23).toSeconds(),
                Duration.ofHours(24).toSeconds());
        assertThat(redis.template().opsForStream().size(key)).isEqualTo(2);
    }

    @Test
    void another_instance_reads_the_same_events_with_the_same_ids() {
        LettuceConnectionFactory other = RedisTestSupport.newFactory();
        factories.add(other);
        RedisEventLogAdapter a = log(1_000, RedisTestSupport.sharedFactory());
        RedisEventLogAdapter b = log(1_000, other);
        FlowId flow = FlowId.of("shared");

        a.append(events(flow, 0, 3));

        List<StoredEvent> onA = a.readAfter(flow, EventId.ZERO, 10).events();
        assertThat(b.readAfter(flow, EventId.ZERO, 10).events()).isEqualTo(onA);
        assertThat(b.latest(flow)).isEqualTo(onA.getLast().id());
    }

    @Test
    void a_batch_of_several_flows_is_appended_trimmed_and_expired_per_flow() {
        RedisEventLogAdapter log = log(3, RedisTestSupport.sharedFactory());
        FlowId one = FlowId.of("batch-one");
        FlowId two = FlowId.of("batch-two");
        List<io.weatherstation.journal.domain.LiveEvent> mixed = new ArrayList<>(events(one, 0, 5));
        mixed.addAll(events(two, 10, 2));

        log.append(mixed);

        var first = log.readAfter(one, EventId.ZERO, 10);
        assertThat(first.events()).extracting(e -> ((Number) e.event().data().get("n")).intValue()).containsExactly(2, 3, 4);
        assertThat(first.hasGap()).isTrue();
        var second = log.readAfter(two, EventId.ZERO, 10);
        assertThat(second.events()).extracting(e -> ((Number) e.event().data().get("n")).intValue()).containsExactly(10, 11);
        assertThat(second.hasGap()).isFalse();
        for (FlowId flow : List.of(one, two)) {
            assertThat(redis.template().getExpire(log.streamKey(flow))).isBetween(Duration.ofHours(23).toSeconds(),
                    Duration.ofHours(24).toSeconds());
        }
    }
}
