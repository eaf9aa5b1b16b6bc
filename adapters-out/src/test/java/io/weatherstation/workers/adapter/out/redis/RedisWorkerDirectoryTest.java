package io.weatherstation.workers.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.weatherstation.shared.adapter.out.redis.RedisTestSupport;
import io.weatherstation.shared.adapter.out.redis.StoredJson;
import io.weatherstation.shared.domain.WorkerId;
import io.weatherstation.workers.adapter.out.WorkerDirectoryContract;
import io.weatherstation.workers.application.port.out.WorkerDirectory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DataType;

/** The Redis worker registry: the shared contract and the {@code workers:{id}} key of SPEC §8. */
class RedisWorkerDirectoryTest extends WorkerDirectoryContract {

    private final RedisTestSupport redis = RedisTestSupport.open();
    private final RedisWorkerDirectoryAdapter directory = new RedisWorkerDirectoryAdapter(redis.template(), redis.keyspace(), clock);

    @AfterEach
    void clean() {
        redis.close();
    }

    @Override
    protected WorkerDirectory directory() {
        return directory;
    }

    @Test
    void a_worker_is_a_hash_that_expires_a_minute_after_its_heartbeat() {
        directory.heartbeat(worker("w-a"));

        String key = redis.keyspace().key("workers:w-a");
        assertThat(redis.template().type(key)).isEqualTo(DataType.HASH);
        assertThat(redis.template().getExpire(key, TimeUnit.SECONDS)).isBetween(55L, 60L);
        Map<Object, Object> hash = redis.template().opsForHash().entries(key);
        assertThat(hash).containsEntry("id", "w-a").containsEntry("api_url", "http://w-a:7002")
                .containsEntry("status", "active").containsEntry("last_heartbeat", clock.instant().toString());
        assertThat(StoredJson.readList((String) hash.get("supported_nodes"))).map(String::valueOf).containsExactly("price_node", "buy_node");
        assertThat(redis.template().getExpire(redis.keyspace().key("workers"), TimeUnit.SECONDS)).isBetween(55L, 60L);
    }

    @Test
    void a_worker_whose_key_expired_is_not_live_and_leaves_the_index() {
        directory.heartbeat(worker("w-a"));
        directory.heartbeat(worker("w-b"));
        redis.template().delete(redis.keyspace().key("workers:w-a")); // as the TTL would

        assertThat(directory.live()).extracting(w -> w.id().value()).containsExactly("w-b");
        assertThat(redis.template().opsForZSet().range(redis.keyspace().key("workers"), 0, -1)).containsExactly("w-b");
    }

    @Test
    void a_worker_that_leaves_takes_its_task_list() {
        directory.heartbeat(worker("w-a"));
        redis.template().opsForSet().add(redis.keyspace().key("worker_tasks:w-a"), "alpha_0_src");

        directory.remove(WorkerId.of("w-a"));

        assertThat(redis.keys()).isEmpty();
    }
}
